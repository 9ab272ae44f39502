namespace Baize.Embedding.Models;

/// <summary>A model folder is unusable; the message names the folder, the file at fault and the mismatch.</summary>
public sealed class ModelValidationException : Exception
{
    public ModelValidationException(string folder, string file, string problem, Exception? innerException = null)
        : base($"Model folder '{folder}': {file}: {problem}", innerException)
    {
        Folder = folder;
        File = file;
    }

    public string Folder { get; }

    /// <summary>The file at fault, relative to the folder ("manifest.json", "model.onnx", …).</summary>
    public string File { get; }
}
