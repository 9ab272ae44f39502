using System.Text.Json;
using TorchSharp.Modules;

namespace Baize.Compression.Training;

/// <summary>
/// The state after a finished epoch: weights, optimiser moments and the epoch history. Written to a temporary folder
/// and renamed into place, so a run killed at any moment resumes from the last complete epoch.
/// </summary>
public sealed class TrainingCheckpoint(string workFolder)
{
    private const string StateFile = "state.json";
    private const string OptimizerFile = "optimizer.dat";

    private readonly CheckpointFolder _folder = new(workFolder);

    public void Save(EncoderSet encoders, OptimizerHelper optimizer, TrainingState state)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(optimizer);
        _folder.Replace(folder =>
        {
            encoders.Save(folder);
            optimizer.save_state_dict(Path.Combine(folder, OptimizerFile));
            File.WriteAllText(Path.Combine(folder, StateFile), JsonSerializer.Serialize(state, TrainingJsonContext.Default.TrainingState));
        });
    }

    /// <summary>Restores the last complete epoch into <paramref name="encoders"/> and <paramref name="optimizer"/>; null when there is none for this run.</summary>
    public TrainingState? TryRestore(EncoderSet encoders, OptimizerHelper optimizer, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(optimizer);
        var folder = _folder.Saved;
        var stateFile = Path.Combine(folder, StateFile);
        if (!File.Exists(stateFile))
        {
            return null;
        }

        var state = JsonSerializer.Deserialize(File.ReadAllText(stateFile), TrainingJsonContext.Default.TrainingState);
        if (state is null || state.Fingerprint != fingerprint)
        {
            return null;
        }

        encoders.Load(folder);
        optimizer.load_state_dict(Path.Combine(folder, OptimizerFile));
        return state;
    }
}
