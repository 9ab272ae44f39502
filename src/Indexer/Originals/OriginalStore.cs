using System.Security.Cryptography;

namespace Baize.Indexer.Originals;

/// <summary>
/// Uploaded originals, stored once per content under their SHA-256 (<c>ab/abcdef…</c>). Uploads are staged to a
/// temporary file while hashed, so a half-received or refused upload never appears under a content address.
/// </summary>
public sealed class OriginalStore
{
    private const int CopyBufferBytes = 81_920;

    public OriginalStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(StagingFolder);
    }

    public string Root { get; }

    private string StagingFolder => Path.Combine(Root, "staging");

    /// <summary>Copies an upload to a staging file, hashing it on the way.</summary>
    /// <exception cref="OriginalTooLargeException">The upload has more than <paramref name="maxBytes"/> bytes.</exception>
    public async Task<StagedOriginal> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = Path.Combine(StagingFolder, $"{Guid.NewGuid():N}.upload");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, useAsync: true))
            {
                var buffer = new byte[CopyBufferBytes];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new OriginalTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
            }

            return new StagedOriginal(this, path, Convert.ToHexStringLower(hash.GetHashAndReset()), size);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The path of the original with this SHA-256, which may not exist.</summary>
    /// <exception cref="ArgumentException">The hash is not 64 lowercase hex digits (it would make an unsafe path).</exception>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A content address is 64 lowercase hexadecimal digits.", nameof(sha256));
        }

        return Path.Combine(Root, sha256[..2], sha256);
    }

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public void Delete(string sha256) => File.Delete(PathOf(sha256));

    /// <summary>Moves a staged file to its content address; when the same content is already there, the copy is dropped.</summary>
    internal string Commit(StagedOriginal staged)
    {
        var target = PathOf(staged.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(staged.Path, target, overwrite: false);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(staged.Path);
        }

        return target;
    }
}
