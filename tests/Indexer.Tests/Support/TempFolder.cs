namespace Baize.Indexer.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted (best effort) on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "baize-indexer-tests-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that was killed may still be releasing a file; the temp folder is cleaned up eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
