using System.Security.Cryptography;
using System.Text;
using Baize.Indexer.Items;
using Baize.TestSupport;

namespace Baize.Indexer.Tests.Items;

public sealed class ItemCatalogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private string DatabasePath => _folder.File("catalog.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Accepting_the_same_content_again_keeps_the_item_replaces_its_metadata_and_adds_a_job()
    {
        var catalog = new ItemCatalog(DatabasePath);
        var ct = TestContext.Current.CancellationToken;
        var sha = Sha("the same bytes");

        var (first, firstJob) = await catalog.AcceptAsync(Upload(sha, new Dictionary<string, object> { ["title"] = "first", ["tags"] = new List<object> { "a", "b" } }, "one.png"), ct);
        await catalog.SetStatusAsync(first.Id, ItemStatus.Failed, error: "decoder said no", cancellationToken: ct);
        var (second, secondJob) = await catalog.AcceptAsync(Upload(sha, new Dictionary<string, object> { ["source"] = "camera", ["rating"] = 4L }, "two.png"), ct);

        Assert.Equal(ContentIdentity.ItemId(sha), first.Id);
        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(firstJob.Id, secondJob.Id);
        Assert.Equal(first.Id, firstJob.ItemId);
        Assert.Equal(first.Id, secondJob.ItemId);
        Assert.Equal(ItemStatus.Queued, second.Status);
        Assert.Null(second.Error);
        Assert.Equal("two.png", second.FileName);
        Assert.Equal(new Dictionary<string, object> { ["source"] = "camera", ["rating"] = 4L }, second.Metadata);
        Assert.Equal(first.Created, second.Created);
        Assert.Equal(1, await CountAllAsync(catalog));
        Assert.NotNull(await catalog.GetJobAsync(firstJob.Id, ct));
        Assert.NotNull(await catalog.GetJobAsync(secondJob.Id, ct));
    }

    [Fact]
    public async Task Different_content_makes_different_items_whose_id_is_a_prefix_of_the_hash()
    {
        var catalog = new ItemCatalog(DatabasePath);
        var ct = TestContext.Current.CancellationToken;

        var (a, _) = await catalog.AcceptAsync(Upload(Sha("a")), ct);
        var (b, _) = await catalog.AcceptAsync(Upload(Sha("b")), ct);

        Assert.NotEqual(a.Id, b.Id);
        Assert.StartsWith(a.Id.ToString("N"), Sha("a"), StringComparison.Ordinal);
        Assert.Equal(Sha("a"), a.Sha256);
        Assert.Equal(2, await CountAllAsync(catalog));
    }

    [Fact]
    public async Task Status_moves_through_processing_to_indexed_and_index_state_is_merged_per_modality()
    {
        var catalog = new ItemCatalog(DatabasePath);
        var ct = TestContext.Current.CancellationToken;
        var (item, _) = await catalog.AcceptAsync(Upload(Sha("video"), kind: ItemKind.Video), ct);

        Assert.True(await catalog.SetStatusAsync(item.Id, ItemStatus.Processing, cancellationToken: ct));
        Assert.Equal(ItemStatus.Processing, (await catalog.GetItemAsync(item.Id, ct))!.Status);

        var both = new Dictionary<string, ModalityIndex> { ["video"] = new("teacher-1", 3), ["audio"] = new("teacher-1", 2) };
        Assert.True(await catalog.SetStatusAsync(item.Id, ItemStatus.Indexed, index: both, cancellationToken: ct));
        var indexed = (await catalog.GetItemAsync(item.Id, ct))!;
        Assert.Equal(ItemStatus.Indexed, indexed.Status);
        Assert.Equal(both, indexed.Index);

        // A re-index of one modality replaces that modality's entry and keeps the other.
        var audioOnly = new Dictionary<string, ModalityIndex> { ["audio"] = new("student-1", 4) };
        Assert.True(await catalog.SetStatusAsync(item.Id, ItemStatus.Indexed, index: audioOnly, cancellationToken: ct));
        var reindexed = (await catalog.GetItemAsync(item.Id, ct))!;
        Assert.Equal(new Dictionary<string, ModalityIndex> { ["video"] = new("teacher-1", 3), ["audio"] = new("student-1", 4) }, reindexed.Index);

        // A status change without an index keeps the index; a failure records its reason.
        Assert.True(await catalog.SetStatusAsync(item.Id, ItemStatus.Failed, error: "it broke", cancellationToken: ct));
        var failed = (await catalog.GetItemAsync(item.Id, ct))!;
        Assert.Equal(ItemStatus.Failed, failed.Status);
        Assert.Equal("it broke", failed.Error);
        Assert.Equal(reindexed.Index, failed.Index);

        // Leaving failed clears the reason.
        Assert.True(await catalog.SetStatusAsync(item.Id, ItemStatus.Processing, cancellationToken: ct));
        Assert.Null((await catalog.GetItemAsync(item.Id, ct))!.Error);
    }

    [Fact]
    public async Task A_status_for_an_older_upload_is_refused_once_the_same_content_was_uploaded_again()
    {
        var catalog = new ItemCatalog(DatabasePath);
        var ct = TestContext.Current.CancellationToken;
        var (first, _) = await catalog.AcceptAsync(Upload(Sha("twice")), ct);
        var (second, _) = await catalog.AcceptAsync(Upload(Sha("twice"), new Dictionary<string, object> { ["title"] = "again" }), ct);

        Assert.Equal(first.Generation + 1, second.Generation);
        Assert.False(await catalog.SetStatusAsync(first.Id, ItemStatus.Indexed, generation: first.Generation, cancellationToken: ct));
        Assert.Equal(ItemStatus.Queued, (await catalog.GetItemAsync(first.Id, ct))!.Status);
        Assert.True(await catalog.SetStatusAsync(first.Id, ItemStatus.Indexed, generation: second.Generation, cancellationToken: ct));
        Assert.Equal(ItemStatus.Indexed, (await catalog.GetItemAsync(first.Id, ct))!.Status);
    }

    [Fact]
    public async Task Status_of_a_missing_or_deleted_item_is_not_set_and_its_jobs_remain()
    {
        var catalog = new ItemCatalog(DatabasePath);
        var ct = TestContext.Current.CancellationToken;
        var (item, job) = await catalog.AcceptAsync(Upload(Sha("doomed")), ct);

        Assert.False(await catalog.SetStatusAsync(Guid.NewGuid(), ItemStatus.Indexed, cancellationToken: ct));
        Assert.True(await catalog.DeleteItemAsync(item.Id, ct));
        Assert.False(await catalog.DeleteItemAsync(item.Id, ct));
        Assert.False(await catalog.SetStatusAsync(item.Id, ItemStatus.Indexed, cancellationToken: ct));

        Assert.Null(await catalog.GetItemAsync(item.Id, ct));
        Assert.Equal(job, await catalog.GetJobAsync(job.Id, ct));
        Assert.Null(await catalog.GetJobAsync(Guid.NewGuid(), ct));
    }

    [Fact]
    public async Task Listing_by_status_pages_past_256_items_in_id_order_without_repeats()
    {
        var catalog = new ItemCatalog(DatabasePath);
        var ct = TestContext.Current.CancellationToken;
        var ids = new List<Guid>();
        for (var index = 0; index < 600; index++)
        {
            var (item, _) = await catalog.AcceptAsync(Upload(Sha($"item {index}")), ct);
            ids.Add(item.Id);
        }

        // Every third item is indexed, every seventh failed; the rest stay queued.
        var expected = new Dictionary<ItemStatus, List<Guid>>
        {
            [ItemStatus.Queued] = [],
            [ItemStatus.Indexed] = [],
            [ItemStatus.Failed] = [],
        };
        for (var index = 0; index < ids.Count; index++)
        {
            var status = index % 3 == 0 ? ItemStatus.Indexed : index % 7 == 0 ? ItemStatus.Failed : ItemStatus.Queued;
            if (status != ItemStatus.Queued)
            {
                await catalog.SetStatusAsync(ids[index], status, cancellationToken: ct);
            }

            expected[status].Add(ids[index]);
        }

        var all = await ToListAsync(catalog.ListAsync(cancellationToken: ct));
        var queued = await ToListAsync(catalog.ListAsync([ItemStatus.Queued], ct));
        var indexedOrFailed = await ToListAsync(catalog.ListAsync([ItemStatus.Indexed, ItemStatus.Failed], ct));
        var processing = await ToListAsync(catalog.ListAsync([ItemStatus.Processing], ct));

        Assert.Equal(ids.Order(Ordering), all.Select(item => item.Id));
        Assert.Equal(expected[ItemStatus.Queued].Order(Ordering), queued.Select(item => item.Id));
        Assert.True(queued.Count > 256, $"only {queued.Count} queued items: the test does not cross a page");
        Assert.Equal(expected[ItemStatus.Indexed].Concat(expected[ItemStatus.Failed]).Order(Ordering), indexedOrFailed.Select(item => item.Id));
        Assert.Empty(processing);
        Assert.Equal(expected[ItemStatus.Queued].Count, await catalog.CountAsync(ItemStatus.Queued, ct));
        Assert.Equal(expected[ItemStatus.Indexed].Count, await catalog.CountAsync(ItemStatus.Indexed, ct));
        Assert.Equal(expected[ItemStatus.Failed].Count, await catalog.CountAsync(ItemStatus.Failed, ct));
    }

    [Fact]
    public async Task Metadata_field_names_of_every_accepted_upload_are_registered_once()
    {
        var catalog = new ItemCatalog(DatabasePath);
        var ct = TestContext.Current.CancellationToken;

        Assert.Empty(await catalog.MetadataFieldsAsync(ct));
        await catalog.AcceptAsync(Upload(Sha("1"), new Dictionary<string, object> { ["title"] = "t", ["tags"] = new List<object> { "x" } }), ct);
        await catalog.AcceptAsync(Upload(Sha("2"), new Dictionary<string, object> { ["title"] = "u", ["year"] = 2024L }), ct);
        await catalog.AcceptAsync(Upload(Sha("1"), new Dictionary<string, object> { ["source"] = "s" }), ct);

        Assert.Equal(new HashSet<string> { "title", "tags", "year", "source" }, await catalog.MetadataFieldsAsync(ct));
    }

    [Fact]
    public async Task Everything_survives_reopening_the_database()
    {
        var ct = TestContext.Current.CancellationToken;
        ItemRecord item;
        JobRecord job;
        var metadata = new Dictionary<string, object> { ["title"] = "kept", ["score"] = 0.5, ["flags"] = new object[] { true, false } };
        {
            var catalog = new ItemCatalog(DatabasePath);
            (item, job) = await catalog.AcceptAsync(Upload(Sha("durable"), metadata, "kept.wav", ItemKind.Audio), ct);
            await catalog.SetStatusAsync(item.Id, ItemStatus.Indexed, index: new Dictionary<string, ModalityIndex> { ["audio"] = new("teacher-1", 5) }, cancellationToken: ct);
        }

        var reopened = new ItemCatalog(DatabasePath);
        var stored = await reopened.GetItemAsync(item.Id, ct);

        Assert.NotNull(stored);
        Assert.Equal(ItemKind.Audio, stored.Kind);
        Assert.Equal("wav", stored.Format);
        Assert.Equal("kept.wav", stored.FileName);
        Assert.Equal(1234L, stored.Size);
        Assert.Equal(ItemStatus.Indexed, stored.Status);
        Assert.Equal("kept", stored.Metadata["title"]);
        Assert.Equal(0.5, stored.Metadata["score"]);
        Assert.Equal(new object[] { true, false }, (IEnumerable<object>)stored.Metadata["flags"]);
        Assert.Equal(new ModalityIndex("teacher-1", 5), stored.Index["audio"]);
        Assert.Equal(item.Created, stored.Created);
        Assert.Equal(job, await reopened.GetJobAsync(job.Id, ct));
        Assert.Contains("title", await reopened.MetadataFieldsAsync(ct));
    }

    [Fact]
    public async Task Two_catalogues_on_one_file_see_each_others_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = new ItemCatalog(DatabasePath);
        var indexer = new ItemCatalog(DatabasePath);

        var (item, _) = await api.AcceptAsync(Upload(Sha("shared")), ct);
        await indexer.SetStatusAsync(item.Id, ItemStatus.Indexed, cancellationToken: ct);

        Assert.Equal(ItemStatus.Indexed, (await api.GetItemAsync(item.Id, ct))!.Status);
    }

    private static readonly IComparer<Guid> Ordering = Comparer<Guid>.Create((left, right) => string.CompareOrdinal(left.ToString("D"), right.ToString("D")));

    private static NewItem Upload(string sha256, IReadOnlyDictionary<string, object>? metadata = null, string? fileName = null, ItemKind kind = ItemKind.Image) =>
        new(sha256, kind, kind == ItemKind.Audio ? "wav" : kind == ItemKind.Video ? "mp4" : "png", "application/octet-stream", fileName, 1234, metadata ?? new Dictionary<string, object>());

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<int> CountAllAsync(ItemCatalog catalog) => (await ToListAsync(catalog.ListAsync(cancellationToken: TestContext.Current.CancellationToken))).Count;

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
