namespace Baize.Compression.Training;

/// <summary>
/// A checkpoint folder that is only ever replaced whole: the next one is written beside it and renamed into place, the
/// previous one kept as ".old" until then, so a process killed at any moment leaves one complete checkpoint to read.
/// </summary>
internal sealed class CheckpointFolder(string workFolder)
{
    private string Current => Path.Combine(workFolder, "checkpoint");

    private string Previous => Current + ".old";

    /// <summary>The complete checkpoint to read from (it may not exist yet).</summary>
    public string Saved => Directory.Exists(Current) ? Current : Previous;

    /// <summary>Writes a new checkpoint with <paramref name="write"/> into an empty folder, then swaps it in.</summary>
    public void Replace(Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temporary = Current + ".tmp";
        if (Directory.Exists(temporary))
        {
            Directory.Delete(temporary, recursive: true);
        }

        Directory.CreateDirectory(temporary);
        write(temporary);
        if (Directory.Exists(Current))
        {
            Directory.Move(Current, Previous);
        }

        Directory.Move(temporary, Current);
        if (Directory.Exists(Previous))
        {
            Directory.Delete(Previous, recursive: true);
        }
    }
}
