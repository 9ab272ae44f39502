namespace Baize.Indexer.Originals;

/// <summary>An upload received and hashed but not yet stored; disposing it without <see cref="Commit"/> discards it.</summary>
public sealed class StagedOriginal : IDisposable
{
    private readonly OriginalStore _store;
    private bool _committed;

    internal StagedOriginal(OriginalStore store, string path, string sha256, long size)
    {
        _store = store;
        Path = path;
        Sha256 = sha256;
        Size = size;
    }

    /// <summary>The staging file, for checks before committing.</summary>
    public string Path { get; }

    public string Sha256 { get; }

    public long Size { get; }

    /// <summary>Stores the upload under its content address and returns that path.</summary>
    public string Commit()
    {
        var path = _store.Commit(this);
        _committed = true;
        return path;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            File.Delete(Path);
        }
    }
}
