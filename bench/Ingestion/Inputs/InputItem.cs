namespace Baize.Ingestion.Inputs;

/// <summary>One item to ingest: a media file (<see cref="Path"/>) or a text (<see cref="Text"/>), with the name and
/// content type its upload declares.</summary>
public sealed record InputItem(string Name, string? Path, string? Text, string ContentType)
{
    public static InputItem File(string path, string contentType) => new(System.IO.Path.GetFileName(path), path, null, contentType);

    public static InputItem Caption(int index, string text) => new($"caption-{index:D5}.txt", null, text, "text/plain; charset=utf-8");
}
