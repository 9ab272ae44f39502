using Baize.Indexer.Originals;

namespace Baize.Indexer.Ingestion;

/// <summary>An upload received and checked, not yet stored; disposing it unaccepted discards it.</summary>
public sealed class PreparedUpload(StagedOriginal staged, InspectedMedia media, string? fileName) : IDisposable
{
    public StagedOriginal Staged { get; } = staged;

    public InspectedMedia Media { get; } = media;

    public string? FileName { get; } = fileName;

    public void Dispose() => Staged.Dispose();
}
