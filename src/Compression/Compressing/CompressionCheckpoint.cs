using System.Text.Json;
using Baize.Compression.Architectures;
using Baize.Compression.Reports;
using Baize.Compression.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>
/// The state of a compression run after some step: the student's widths and weights, its optimiser and its task's parameters,
/// and for the joint phase the ADMM Z and U, the dean and its optimiser and the per-layer weights and measurements.
/// Written to a temporary folder and renamed into place, so a run killed at any moment resumes from the last save.
/// </summary>
internal sealed class CompressionCheckpoint(string workFolder)
{
    private const string StateFile = "state.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly CheckpointFolder _folder = new(workFolder);

    public void Save(CheckpointState state, IEncoder student, StudentTraining training, JointPruning? joint)
    {
        _folder.Replace(folder =>
        {
            EncoderWeights.Save((nn.Module)student, Path.Combine(folder, "student.dat"));
            training.Optimizer.save_state_dict(Path.Combine(folder, "optimizer.dat"));
            for (var p = 0; p < training.TaskParameters.Count; p++)
            {
                FeatureArrays.Write(Path.Combine(folder, $"task-{p}.f32"), training.TaskParameters[p].detach().contiguous().data<float>().ToArray());
            }

            if (joint is not null)
            {
                SaveJoint(folder, joint);
                state = state with
                {
                    Alpha = joint.Alpha,
                    Beta = joint.Beta,
                    Share = joint.Share,
                    PriceMultiplier = joint.PriceMultiplier,
                    Distillability = joint.Distillability,
                    Sparsability = joint.Sparsability,
                    Allocation = joint.Allocation.ToDictionary(e => e.Key, e => e.Value.ToArray()),
                    Rho = [.. joint.Admm.Select(a => a.Rho)],
                };
            }

            File.WriteAllText(Path.Combine(folder, StateFile), JsonSerializer.Serialize(state, Json));
        });
    }

    /// <summary>The last saved state of this run (same fingerprint), or null.</summary>
    public CheckpointState? TryReadState(string fingerprint)
    {
        var stateFile = Path.Combine(_folder.Saved, StateFile);
        if (!File.Exists(stateFile))
        {
            return null;
        }

        var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(stateFile), Json);
        return state is not null && state.Fingerprint == fingerprint ? state : null;
    }

    /// <summary>Loads the saved weights and optimiser state into a student and its training, and the joint state if any.</summary>
    public void Restore(CheckpointState state, IEncoder student, StudentTraining training, JointPruning? joint)
    {
        var folder = _folder.Saved;
        EncoderWeights.Load((nn.Module)student, Path.Combine(folder, "student.dat"));
        training.Optimizer.load_state_dict(Path.Combine(folder, "optimizer.dat"));
        using (no_grad())
        {
            for (var p = 0; p < training.TaskParameters.Count; p++)
            {
                using var saved = Read(Path.Combine(folder, $"task-{p}.f32"), training.TaskParameters[p]);
                training.TaskParameters[p].copy_(saved);
            }
        }

        if (joint is null)
        {
            return;
        }

        training.History.AddRange(state.History);

        for (var l = 0; l < joint.Admm.Count; l++)
        {
            var admm = joint.Admm[l];
            var z = admm.Z.Select((tensor, p) => Read(Path.Combine(folder, $"z-{l}-{p}.f32"), tensor)).ToList();
            var u = admm.U.Select((tensor, p) => Read(Path.Combine(folder, $"u-{l}-{p}.f32"), tensor)).ToList();
            admm.Restore(z, u, state.Allocation![admm.Layer.Name]);
            admm.Rho = state.Rho![l];
        }

        joint.Dean?.load(Path.Combine(folder, "dean.dat"));
        joint.DeanOptimizer?.load_state_dict(Path.Combine(folder, "dean-optimizer.dat"));
        joint.Restore(state.Alpha!, state.Beta!, state.Share!, state.PriceMultiplier, state.Distillability!, state.Sparsability!, state.Allocation!.ToDictionary(e => e.Key, e => (IReadOnlyList<int>)e.Value));
    }

    private static void SaveJoint(string folder, JointPruning joint)
    {
        for (var l = 0; l < joint.Admm.Count; l++)
        {
            var admm = joint.Admm[l];
            for (var p = 0; p < admm.Z.Count; p++)
            {
                FeatureArrays.Write(Path.Combine(folder, $"z-{l}-{p}.f32"), admm.Z[p].cpu().contiguous().data<float>().ToArray());
                FeatureArrays.Write(Path.Combine(folder, $"u-{l}-{p}.f32"), admm.U[p].cpu().contiguous().data<float>().ToArray());
            }
        }

        joint.Dean?.save(Path.Combine(folder, "dean.dat"));
        joint.DeanOptimizer?.save_state_dict(Path.Combine(folder, "dean-optimizer.dat"));
    }

    private static Tensor Read(string path, Tensor like)
    {
        var values = FeatureArrays.TryRead(path, like.numel()) ?? throw new InvalidOperationException($"The checkpoint file {path} is missing or truncated.");
        return torch.tensor(values, like.shape);
    }
}

/// <summary>Where a compression run stands: the phase, the steps done in it and the student's widths.</summary>
/// <param name="Phase">"joint", "recovery" or "train".</param>
/// <param name="Widths">The student's width per prunable layer: its architecture is the teacher's with these widths.</param>
/// <param name="Seconds">Wall time spent on the run so far, over all its resumptions.</param>
internal sealed record CheckpointState(
    string Fingerprint,
    string Phase,
    int StepsDone,
    Dictionary<string, int> Widths,
    IReadOnlyList<HistoryPoint> History,
    double Seconds,
    double[]? Alpha = null,
    double[]? Beta = null,
    double[]? Share = null,
    double PriceMultiplier = 0,
    double[]? Distillability = null,
    double[]? Sparsability = null,
    Dictionary<string, int[]>? Allocation = null,
    double[]? Rho = null);
