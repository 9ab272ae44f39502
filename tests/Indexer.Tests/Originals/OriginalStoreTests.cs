using System.Security.Cryptography;
using Baize.Indexer.Originals;
using Baize.TestSupport;

namespace Baize.Indexer.Tests.Originals;

public sealed class OriginalStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_committed_upload_is_stored_under_its_sha256_and_the_staging_file_is_gone()
    {
        var store = new OriginalStore(_folder.File("media"));
        var bytes = RandomBytes(200_000, seed: 1);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        using var staged = await store.StageAsync(new MemoryStream(bytes), maxBytes: 1_000_000, TestContext.Current.CancellationToken);
        Assert.Equal(sha, staged.Sha256);
        Assert.Equal(bytes.Length, staged.Size);
        Assert.True(File.Exists(staged.Path));
        Assert.False(store.Exists(sha));

        var path = staged.Commit();

        Assert.Equal(Path.Combine(store.Root, sha[..2], sha), path);
        Assert.Equal(path, store.PathOf(sha));
        Assert.True(store.Exists(sha));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.False(File.Exists(staged.Path));
        Assert.Empty(StagingFiles(store));
    }

    [Fact]
    public async Task The_same_content_uploaded_twice_is_stored_once()
    {
        var store = new OriginalStore(_folder.File("media"));
        var bytes = RandomBytes(10_000, seed: 2);
        var ct = TestContext.Current.CancellationToken;

        using var first = await store.StageAsync(new MemoryStream(bytes), 1_000_000, ct);
        using var second = await store.StageAsync(new MemoryStream(bytes), 1_000_000, ct);
        Assert.NotEqual(first.Path, second.Path);
        var firstPath = first.Commit();
        var secondPath = second.Commit();

        Assert.Equal(firstPath, secondPath);
        Assert.Single(Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(firstPath, ct));
        Assert.Empty(StagingFiles(store));
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_and_nothing_is_left_behind()
    {
        var store = new OriginalStore(_folder.File("media"));
        var ct = TestContext.Current.CancellationToken;

        var refused = await Assert.ThrowsAsync<OriginalTooLargeException>(() => store.StageAsync(new MemoryStream(RandomBytes(300_000, seed: 3)), maxBytes: 100_000, ct));

        Assert.Equal(100_000, refused.MaxBytes);
        Assert.Empty(StagingFiles(store));
        Assert.Empty(Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories));

        // Exactly at the limit is allowed.
        using var staged = await store.StageAsync(new MemoryStream(RandomBytes(100_000, seed: 4)), maxBytes: 100_000, ct);
        Assert.Equal(100_000, staged.Size);
    }

    [Fact]
    public async Task A_staged_upload_disposed_without_commit_is_discarded()
    {
        var store = new OriginalStore(_folder.File("media"));
        var staged = await store.StageAsync(new MemoryStream(RandomBytes(1_000, seed: 5)), 1_000_000, TestContext.Current.CancellationToken);

        staged.Dispose();

        Assert.False(File.Exists(staged.Path));
        Assert.False(store.Exists(staged.Sha256));
    }

    [Fact]
    public async Task Deleting_an_original_removes_its_file()
    {
        var store = new OriginalStore(_folder.File("media"));
        using var staged = await store.StageAsync(new MemoryStream(RandomBytes(1_000, seed: 6)), 1_000_000, TestContext.Current.CancellationToken);
        staged.Commit();

        store.Delete(staged.Sha256);

        Assert.False(store.Exists(staged.Sha256));
    }

    [Theory]
    [InlineData("../../../../../../../../etc/passwd")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("ab/cdef")]
    [InlineData("A665A45920422F9D417E4867EFDC4FB8A04A1F3FFF1FA07E998E86F7F7A27AE3")]
    [InlineData("a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae")]
    [InlineData("a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae33")]
    [InlineData("../65a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3")]
    [InlineData("g665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3")]
    [InlineData("a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27a\0")]
    public void Anything_but_64_lowercase_hex_digits_is_refused_as_a_content_address(string sha256)
    {
        var store = new OriginalStore(_folder.File("media"));

        Assert.Throws<ArgumentException>(() => store.PathOf(sha256));
        Assert.Throws<ArgumentException>(() => store.Exists(sha256));
        Assert.Throws<ArgumentException>(() => store.Delete(sha256));
    }

    private static string[] StagingFiles(OriginalStore store) => Directory.GetFiles(Path.Combine(store.Root, "staging"));

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
