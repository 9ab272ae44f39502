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

    private string Folder => Path.Combine(workFolder, "checkpoint");

    public void Save(EncoderSet encoders, OptimizerHelper optimizer, TrainingState state)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(optimizer);
        var temporary = Folder + ".tmp";
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        encoders.Save(temporary);
        optimizer.save_state_dict(Path.Combine(temporary, OptimizerFile));
        File.WriteAllText(Path.Combine(temporary, StateFile), JsonSerializer.Serialize(state, TrainingJsonContext.Default.TrainingState));
        var previous = Folder + ".old";
        if (Directory.Exists(Folder))
        {
            Directory.Move(Folder, previous);
        }

        Directory.Move(temporary, Folder);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>Restores the last complete epoch into <paramref name="encoders"/> and <paramref name="optimizer"/>; null when there is none for this run.</summary>
    public TrainingState? TryRestore(EncoderSet encoders, OptimizerHelper optimizer, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(encoders);
        ArgumentNullException.ThrowIfNull(optimizer);
        var folder = Directory.Exists(Folder) ? Folder : Folder + ".old";
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
