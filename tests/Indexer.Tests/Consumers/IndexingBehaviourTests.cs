using System.Collections.Concurrent;
using System.Globalization;
using Baize.Embedding;
using Baize.Embedding.Models;
using Baize.Embedding.Runtime;
using Baize.Indexer.Collections;
using Baize.Indexer.Ingestion;
using Baize.Indexer.Items;
using Baize.Indexer.Messaging;
using Baize.Indexer.Originals;
using Baize.Indexer.Segments;
using Baize.Indexer.Tests.Support;
using Baize.TestSupport;
using Baize.Vectors;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Baize.Indexer.Tests.Consumers;

/// <summary>
/// The indexer as it runs: a real host with the in-memory bus, the embedded store, the shipped encoders, real media
/// made by SkiaSharp and ffmpeg. What is checked is what ends up in the catalogue and the vector store.
/// </summary>
public sealed class IndexingBehaviourTests(SharedEncoders encoders) : IClassFixture<SharedEncoders>, IDisposable
{
    private readonly TempDirectory _folder = new();

    private string DataFolder => Path.Combine(_folder.Path, "data");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The version the shipped tree activates (the same for every modality), which the shared encoders serve.</summary>
    private static string ShippedVersion => new ModelDirectory(RepositoryPaths.ShippedModels).GetActiveVersion(Modality.Image)!;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_same_index_message_delivered_again_rewrites_the_same_points_and_adds_none()
    {
        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);
        var consumed = new ConsumedMessages<IndexItemRequested>();
        host.Bus.ConnectConsumeMessageObserver(consumed);
        var image = await host.IngestAsync(TestImages.Seeded(1), "one.png", Ct);
        var wav = await TestMedia.ToneAsync(_folder.File("ten-seconds.wav"), 700, 10, Ct);
        var audio = await host.IngestAsync(await File.ReadAllBytesAsync(wav, Ct), "ten-seconds.wav", Ct);
        await AssertIndexedAsync(host, image.Item.Id);
        await AssertIndexedAsync(host, audio.Item.Id);
        var imageBefore = await PointsAsync(host, Modality.Image, image.Item.Id);
        var audioBefore = await PointsAsync(host, Modality.Audio, audio.Item.Id);

        // At-least-once delivery: the same message twice more, concurrently, for each item.
        foreach (var accepted in new[] { image, audio })
        {
            var message = new IndexItemRequested(accepted.Item.Id, accepted.Job.Id, accepted.Item.Generation);
            await Task.WhenAll(host.SendAsync(IndexerQueues.IndexItem, message, Ct), host.SendAsync(IndexerQueues.IndexItem, message, Ct));
        }

        await consumed.WaitForAsync(message => message.ItemId == image.Item.Id, 3, Ct);
        await consumed.WaitForAsync(message => message.ItemId == audio.Item.Id, 3, Ct);
        var imageItem = await AssertIndexedAsync(host, image.Item.Id);
        var audioItem = await AssertIndexedAsync(host, audio.Item.Id);

        Assert.All(consumed.Finished, entry => Assert.Null(entry.Fault));
        AssertSamePoints(imageBefore, await PointsAsync(host, Modality.Image, image.Item.Id));
        AssertSamePoints(audioBefore, await PointsAsync(host, Modality.Audio, audio.Item.Id));
        Assert.Single(imageBefore);
        Assert.Equal(2, audioBefore.Count);
        Assert.Equal(new ModalityIndex(ShippedVersion, 1), imageItem.Index["image"]);
        Assert.Equal(new ModalityIndex(ShippedVersion, 2), audioItem.Index["audio"]);
        Assert.Equal(1, await host.Collections.Serving(Modality.Image).CountAsync(cancellationToken: Ct));
        Assert.Equal(2, await host.Collections.Serving(Modality.Audio).CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Uploading_the_same_content_again_with_new_metadata_rewrites_the_points_payload_without_adding_points()
    {
        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);
        var png = TestImages.Seeded(7);
        var first = await host.IngestAsync(png, "first.png", Ct, ItemMetadata.Parse("""{"title": "first", "tags": ["old"]}"""));
        await AssertIndexedAsync(host, first.Item.Id);
        var before = Assert.Single(await PointsAsync(host, Modality.Image, first.Item.Id));

        var second = await host.IngestAsync(png, "second.png", Ct, ItemMetadata.Parse("""{"title": "second", "source": "camera"}"""));
        await host.WaitForItemAsync(second.Item.Id, item => item.Status == ItemStatus.Indexed && item.Metadata.ContainsKey("source"), Ct);
        await WaitUntilAsync(
            async () => (await PointsAsync(host, Modality.Image, first.Item.Id)).Single().Payload.ContainsKey("source"),
            "the point's payload was not rewritten",
            host.Logs);

        Assert.Equal(first.Item.Id, second.Item.Id);
        Assert.NotEqual(first.Job.Id, second.Job.Id);
        var after = Assert.Single(await PointsAsync(host, Modality.Image, first.Item.Id));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(before.Vector.ToArray(), after.Vector.ToArray());
        Assert.Equal("second", after.Payload["title"]);
        Assert.Equal("camera", after.Payload["source"]);
        Assert.False(after.Payload.ContainsKey("tags"));
        Assert.Equal(1, await host.Collections.Serving(Modality.Image).CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task An_item_whose_original_vanished_before_indexing_fails_at_once_with_the_reason()
    {
        // Recorded and stored, then the original is lost before any indexer gets to it.
        var options = new IndexerOptions { DataFolder = DataFolder };
        var originals = new OriginalStore(options.OriginalsFolder);
        var (item, job) = await AcceptWithoutSendingAsync(new ItemCatalog(options.CatalogPath), originals, TestImages.Seeded(2), ItemKind.Image, "png");
        originals.Delete(item.Sha256);
        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);
        var consumed = new ConsumedMessages<IndexItemRequested>();
        host.Bus.ConnectConsumeMessageObserver(consumed);

        await host.SendAsync(IndexerQueues.IndexItem, new IndexItemRequested(item.Id, job.Id, item.Generation), Ct);
        var failed = await host.WaitUntilSettledAsync(item.Id, Ct);
        await consumed.WaitForAsync(message => message.ItemId == item.Id, 1, Ct);

        Assert.Equal(ItemStatus.Failed, failed.Status);
        Assert.Contains("missing from the media store", failed.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("after retries", failed.Error, StringComparison.Ordinal);
        Assert.Empty(failed.Index);

        // A permanent failure is handled by the consumer itself: consumed without a fault, so not retried. (The start-up
        // resumer announces the queued item too.)
        Assert.All(consumed.Finished.Where(finished => finished.Message.ItemId == item.Id), finished => Assert.Null(finished.Fault));
        Assert.Null(await host.Collections.ServingCollectionAsync(Modality.Image, Ct));
    }

    [Fact]
    public async Task An_indexed_item_that_fails_when_indexed_again_is_no_longer_searchable()
    {
        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);
        var accepted = await host.IngestAsync(TestImages.Seeded(8), "gone.png", Ct);
        var kept = await host.IngestAsync(TestImages.Seeded(9), "kept.png", Ct);
        await AssertIndexedAsync(host, accepted.Item.Id);
        await AssertIndexedAsync(host, kept.Item.Id);
        Assert.Single(await PointsAsync(host, Modality.Image, accepted.Item.Id));

        // Queued for indexing again (as a start-up resume does), and the original is lost meanwhile.
        host.Originals.Delete(accepted.Item.Sha256);
        await host.Catalog.SetStatusAsync(accepted.Item.Id, ItemStatus.Queued, cancellationToken: Ct);
        await host.SendAsync(IndexerQueues.IndexItem, new IndexItemRequested(accepted.Item.Id, accepted.Job.Id, accepted.Item.Generation), Ct);
        var failed = await host.WaitForItemAsync(accepted.Item.Id, item => item.Status == ItemStatus.Failed, Ct);

        Assert.Contains("missing from the media store", failed.Error, StringComparison.Ordinal);
        Assert.Empty(await PointsAsync(host, Modality.Image, accepted.Item.Id));
        Assert.Single(await PointsAsync(host, Modality.Image, kept.Item.Id));
    }

    [Fact]
    public async Task An_item_that_keeps_failing_for_another_reason_is_retried_then_failed_and_its_message_lands_in_the_error_queue()
    {
        // An indexer without an audio encoder: every attempt at an audio item throws, which retrying could fix
        // (an encoder can be activated meanwhile), so it is not a permanent failure.
        using var partial = new EncoderRegistry();
        partial.Activate(ModelFolder.Load(Path.Combine(RepositoryPaths.ShippedModels, "image", "teacher-1")));
        partial.Activate(ModelFolder.Load(Path.Combine(RepositoryPaths.ShippedModels, "text", "teacher-1")));
        await using var host = await IndexerHost.StartAsync(partial, DataFolder, Ct, new Dictionary<string, string?> { ["Messaging:RetryLimit"] = "2" });
        var errorQueue = new ConcurrentQueue<IndexItemRequested>();
        var handle = host.Bus.ConnectReceiveEndpoint($"{IndexerQueues.IndexItem}_error", endpoint => endpoint.Handler<IndexItemRequested>(context =>
        {
            errorQueue.Enqueue(context.Message);
            return Task.CompletedTask;
        }));
        await handle.Ready.WaitAsync(Ct);
        var consumed = new ConsumedMessages<IndexItemRequested>();
        host.Bus.ConnectConsumeMessageObserver(consumed);
        var wav = await TestMedia.ToneAsync(_folder.File("tone.wav"), 440, 2, Ct);

        var accepted = await host.IngestAsync(await File.ReadAllBytesAsync(wav, Ct), "tone.wav", Ct);
        var image = await host.IngestAsync(TestImages.Seeded(3), "fine.png", Ct);
        var failed = await host.WaitUntilSettledAsync(accepted.Item.Id, Ct);
        await WaitUntilAsync(() => !errorQueue.IsEmpty, "the message never reached the error queue");

        Assert.Equal(ItemStatus.Failed, failed.Status);
        Assert.StartsWith("Indexing failed after retries: ", failed.Error, StringComparison.Ordinal);
        Assert.Contains("No Audio encoder is active", failed.Error, StringComparison.Ordinal);
        var message = Assert.Single(errorQueue);
        Assert.Equal(accepted.Item.Id, message.ItemId);
        Assert.Equal(accepted.Job.Id, message.JobId);

        // The consumer faulted once, after its retries; a permanent failure would not have faulted at all.
        var faulted = Assert.Single(consumed.Finished, entry => entry.Message.ItemId == accepted.Item.Id && entry.Fault is not null);
        Assert.IsType<InvalidOperationException>(faulted.Fault);

        // The other item is unaffected.
        Assert.Equal(ItemStatus.Indexed, (await host.WaitUntilSettledAsync(image.Item.Id, Ct)).Status);
    }

    [Fact]
    public async Task An_item_failing_for_a_reason_that_goes_away_is_indexed_by_a_retry()
    {
        using var partial = new EncoderRegistry();
        partial.Activate(ModelFolder.Load(Path.Combine(RepositoryPaths.ShippedModels, "text", "teacher-1")));
        var audio = OnnxEncoder.Create(ModelFolder.Load(Path.Combine(RepositoryPaths.ShippedModels, "audio", "teacher-1")));
        await using var host = await IndexerHost.StartAsync(
            partial, DataFolder, Ct, new Dictionary<string, string?> { ["Messaging:RetryLimit"] = "20", ["Messaging:RetryIntervalMilliseconds"] = "500" });
        var consumed = new ConsumedMessages<IndexItemRequested>();
        host.Bus.ConnectConsumeMessageObserver(consumed);
        var wav = await TestMedia.ToneAsync(_folder.File("late.wav"), 880, 2, Ct);

        var accepted = await host.IngestAsync(await File.ReadAllBytesAsync(wav, Ct), "late.wav", Ct);
        await host.WaitForItemAsync(accepted.Item.Id, item => item.Status == ItemStatus.Processing, Ct);
        partial.Activate(audio); // the audio encoder arrives while the message is being retried
        var item = await AssertIndexedAsync(host, accepted.Item.Id);
        await consumed.WaitForAsync(message => message.ItemId == accepted.Item.Id, 1, Ct);

        Assert.Null(item.Error);
        Assert.Equal(new ModalityIndex("teacher-1", 1), item.Index["audio"]);
        Assert.Null(Assert.Single(consumed.Finished).Fault);
    }

    [Fact]
    public async Task Deleting_an_item_removes_its_points_its_original_and_its_entry_but_not_its_job()
    {
        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);
        var clip = await TestClips.Mp4Async(_folder.File("clip.mp4"), 7, 600, Ct);
        var video = await host.IngestAsync(await File.ReadAllBytesAsync(clip, Ct), "clip.mp4", Ct);
        var kept = await host.IngestAsync(TestImages.Seeded(4), "kept.png", Ct);
        var indexed = await AssertIndexedAsync(host, video.Item.Id);
        await AssertIndexedAsync(host, kept.Item.Id);
        Assert.True(indexed.Index["video"].Points > 0);
        Assert.True(indexed.Index["audio"].Points > 0);

        var remover = host.Services.GetRequiredService<ItemRemover>();
        Assert.True(await remover.DeleteAsync(video.Item.Id, Ct));

        Assert.Empty(await PointsAsync(host, Modality.Video, video.Item.Id));
        Assert.Empty(await PointsAsync(host, Modality.Audio, video.Item.Id));
        Assert.Equal(0, await host.Collections.Serving(Modality.Video).CountAsync(cancellationToken: Ct));
        Assert.Single(await PointsAsync(host, Modality.Image, kept.Item.Id));
        Assert.Null(await host.Catalog.GetItemAsync(video.Item.Id, Ct));
        Assert.False(host.Originals.Exists(video.Item.Sha256));
        Assert.NotNull(await host.Catalog.GetJobAsync(video.Job.Id, Ct));
        Assert.False(await remover.DeleteAsync(video.Item.Id, Ct));

        // A late redelivery of the deleted item's message indexes nothing.
        var consumed = new ConsumedMessages<IndexItemRequested>();
        host.Bus.ConnectConsumeMessageObserver(consumed);
        await host.SendAsync(IndexerQueues.IndexItem, new IndexItemRequested(video.Item.Id, video.Job.Id, video.Item.Generation), Ct);
        await consumed.WaitForAsync(message => message.ItemId == video.Item.Id, 1, Ct);
        Assert.Empty(await PointsAsync(host, Modality.Video, video.Item.Id));
        Assert.Null(await host.Catalog.GetItemAsync(video.Item.Id, Ct));
    }

    [Fact]
    public async Task Long_audio_is_cut_into_overlapping_windows_whose_payload_matches_the_planner()
    {
        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);
        var wav = await TestMedia.ToneAsync(_folder.File("long.wav"), 330, 20, Ct);
        var metadata = ItemMetadata.Parse("""{"title": "a long tone", "tags": ["tone", "test"]}""");

        var accepted = await host.IngestAsync(await File.ReadAllBytesAsync(wav, Ct), "long.wav", Ct, metadata);
        var item = await AssertIndexedAsync(host, accepted.Item.Id);

        var duration = await DecodedDurationAsync(wav);
        var options = new IndexerOptions();
        var expected = SegmentPlanner.Plan(duration, TimeSpan.FromSeconds(options.AudioWindowSeconds), TimeSpan.FromSeconds(options.AudioOverlapSeconds), options.MaxSegmentsPerItem);
        Assert.Equal(5, expected.Count);
        var points = (await PointsAsync(host, Modality.Audio, item.Id)).OrderBy(point => (long)point.Payload[PointFields.Segment]).ToList();
        Assert.Equal(expected.Count, points.Count);
        Assert.Equal(new ModalityIndex(ShippedVersion, expected.Count), item.Index["audio"]);
        for (var segment = 0; segment < expected.Count; segment++)
        {
            var payload = points[segment].Payload;
            Assert.Equal(ContentIdentity.PointId(item.Id, "audio", segment), points[segment].Id);
            Assert.Equal((long)segment, payload[PointFields.Segment]);
            Assert.Equal(Math.Round(expected[segment].Start.TotalSeconds, 3), Convert.ToDouble(payload[PointFields.Start], CultureInfo.InvariantCulture));
            Assert.Equal(Math.Round(expected[segment].End.TotalSeconds, 3), Convert.ToDouble(payload[PointFields.End], CultureInfo.InvariantCulture));
            Assert.Equal(item.Id.ToString("D"), payload[PointFields.ItemId]);
            Assert.Equal("audio", payload[PointFields.Kind]);
            Assert.Equal("audio", payload[PointFields.Modality]);
            Assert.Equal(ShippedVersion, payload[PointFields.Encoder]);
            Assert.Equal("a long tone", payload["title"]);
            Assert.Equal(new object[] { "tone", "test" }, (IEnumerable<object>)payload["tags"]);
        }

        // Consecutive windows overlap by the configured two seconds (the last one more, as it ends with the recording).
        Assert.Equal([0.0, 4.0, 8.0, 12.0, 14.0], points.Select(point => Convert.ToDouble(point.Payload[PointFields.Start], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_videos_sound_track_is_indexed_as_audio_of_the_same_item_and_a_silent_video_only_as_video()
    {
        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);
        var sound = await TestClips.Mp4Async(_folder.File("sound.mp4"), 9, 500, Ct, pattern: 1);
        var silent = await TestClips.Mp4Async(_folder.File("silent.mp4"), 9, null, Ct, pattern: 2);

        var withSound = await host.IngestAsync(await File.ReadAllBytesAsync(sound, Ct), "sound.mp4", Ct);
        var withoutSound = await host.IngestAsync(await File.ReadAllBytesAsync(silent, Ct), "silent.mp4", Ct);
        var soundItem = await AssertIndexedAsync(host, withSound.Item.Id);
        var silentItem = await AssertIndexedAsync(host, withoutSound.Item.Id);

        var options = new IndexerOptions();
        var videoWindows = SegmentPlanner.Plan(await VideoDurationAsync(sound), TimeSpan.FromSeconds(options.VideoWindowSeconds), TimeSpan.FromSeconds(options.VideoOverlapSeconds), options.MaxSegmentsPerItem);
        var audioWindows = SegmentPlanner.Plan(await DecodedDurationAsync(sound), TimeSpan.FromSeconds(options.AudioWindowSeconds), TimeSpan.FromSeconds(options.AudioOverlapSeconds), options.MaxSegmentsPerItem);
        Assert.Equal(3, videoWindows.Count);
        Assert.Equal(2, audioWindows.Count);

        Assert.Equal(ItemKind.Video, soundItem.Kind);
        Assert.Equal(
            new Dictionary<string, ModalityIndex> { ["video"] = new(ShippedVersion, videoWindows.Count), ["audio"] = new(ShippedVersion, audioWindows.Count) },
            soundItem.Index);
        var videoPoints = await PointsAsync(host, Modality.Video, soundItem.Id);
        var audioPoints = await PointsAsync(host, Modality.Audio, soundItem.Id);
        Assert.Equal(videoWindows.Count, videoPoints.Count);
        Assert.Equal(audioWindows.Count, audioPoints.Count);
        Assert.All(videoPoints.Concat(audioPoints), point => Assert.Equal("video", point.Payload[PointFields.Kind]));
        Assert.All(audioPoints, point => Assert.Equal("audio", point.Payload[PointFields.Modality]));
        Assert.Equal(
            audioWindows.Select(window => Math.Round(window.End.TotalSeconds, 3)).Order(),
            audioPoints.Select(point => Convert.ToDouble(point.Payload[PointFields.End], CultureInfo.InvariantCulture)).Order());

        Assert.Equal(new Dictionary<string, ModalityIndex> { ["video"] = new(ShippedVersion, videoWindows.Count) }, silentItem.Index);
        Assert.Equal(videoWindows.Count, (await PointsAsync(host, Modality.Video, silentItem.Id)).Count);
        Assert.Empty(await PointsAsync(host, Modality.Audio, silentItem.Id));
    }

    [Fact]
    public async Task Unfinished_items_of_a_previous_run_are_announced_again_when_the_indexer_starts()
    {
        // An upload recorded and stored, whose in-memory message died with the process before it was consumed.
        var options = new IndexerOptions { DataFolder = DataFolder };
        var catalog = new ItemCatalog(options.CatalogPath);
        var originals = new OriginalStore(options.OriginalsFolder);
        var (queued, _) = await AcceptWithoutSendingAsync(catalog, originals, TestImages.Seeded(5), ItemKind.Image, "png");
        var (processing, _) = await AcceptWithoutSendingAsync(catalog, originals, TestImages.Seeded(6), ItemKind.Image, "png");
        await catalog.SetStatusAsync(processing.Id, ItemStatus.Processing, cancellationToken: Ct);

        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);

        await AssertIndexedAsync(host, queued.Id);
        await AssertIndexedAsync(host, processing.Id);
        Assert.Equal(2, await host.Collections.Serving(Modality.Image).CountAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Reindexing_with_the_active_version_keeps_the_alias_and_the_points()
    {
        await using var host = await IndexerHost.StartAsync(encoders.Registry, DataFolder, Ct);
        var consumed = new ConsumedMessages<ReindexRequested>();
        host.Bus.ConnectConsumeMessageObserver(consumed);
        var ids = new List<Guid>();
        for (var seed = 10; seed < 13; seed++)
        {
            ids.Add((await host.IngestAsync(TestImages.Seeded(seed), $"{seed}.png", Ct)).Item.Id);
        }

        foreach (var id in ids)
        {
            await AssertIndexedAsync(host, id);
        }

        var before = await AllPointsAsync(host.Collections.Serving(Modality.Image));
        var collectionsBefore = await host.Collections.Store.ListCollectionNamesAsync(Ct);

        await host.SendAsync(IndexerQueues.Reindex, new ReindexRequested("image", "test: same version"), Ct);
        await consumed.WaitForAsync(_ => true, 1, Ct);

        Assert.Null(Assert.Single(consumed.Finished).Fault);
        Assert.Equal($"items-image-{ShippedVersion}", await host.Collections.ServingCollectionAsync(Modality.Image, Ct));
        Assert.Equal(collectionsBefore, await host.Collections.Store.ListCollectionNamesAsync(Ct));
        AssertSamePoints(before, await AllPointsAsync(host.Collections.Serving(Modality.Image)));
        Assert.Equal(3, before.Count);
        foreach (var id in ids)
        {
            Assert.Equal(ItemStatus.Indexed, (await host.Catalog.GetItemAsync(id, Ct))!.Status);
        }
    }

    [Fact]
    public async Task A_new_encoder_version_is_filled_in_its_own_collection_then_the_alias_switches_and_the_old_collection_is_dropped()
    {
        var models = CopyModels(_folder.File("models"));
        var directory = new ModelDirectory(models);
        using var registry = new EncoderRegistry();
        registry.ActivateAll(directory);
        var ids = new List<Guid>();
        await using (var first = await IndexerHost.StartAsync(registry, DataFolder, Ct))
        {
            for (var seed = 20; seed < 24; seed++)
            {
                ids.Add((await first.IngestAsync(TestImages.Seeded(seed), $"{seed}.png", Ct)).Item.Id);
            }

            foreach (var id in ids)
            {
                await AssertIndexedAsync(first, id);
            }

            Assert.Equal("items-image-teacher-1", await first.Collections.ServingCollectionAsync(Modality.Image, Ct));
        }

        // Another image encoder version becomes active; the indexer notices at start-up that the index holds the old space.
        registry.Activate(directory.SetActive(Modality.Image, "teacher-1b"));
        await using var second = await IndexerHost.StartAsync(registry, DataFolder, Ct);
        await WaitUntilAsync(
            async () => await second.Collections.ServingCollectionAsync(Modality.Image, Ct) == "items-image-teacher-1b"
                && !(await second.Collections.Store.ListCollectionNamesAsync(Ct)).Contains("items-image-teacher-1"),
            "the image alias never switched to teacher-1b, or the teacher-1 collection was never dropped",
            second.Logs);

        var names = await second.Collections.Store.ListCollectionNamesAsync(Ct);
        Assert.Contains("items-image-teacher-1b", names);
        Assert.DoesNotContain("items-image-teacher-1", names);
        var points = await AllPointsAsync(second.Collections.Serving(Modality.Image));
        Assert.Equal(ids.Count, points.Count);
        Assert.All(points, point => Assert.Equal("teacher-1b", point.Payload[PointFields.Encoder]));
        Assert.Equal(ids.Select(id => id.ToString("D")).Order(), points.Select(point => (string)point.Payload[PointFields.ItemId]).Order());
        foreach (var id in ids)
        {
            var item = (await second.Catalog.GetItemAsync(id, Ct))!;
            Assert.Equal(ItemStatus.Indexed, item.Status);
            Assert.Equal(new ModalityIndex("teacher-1b", 1), item.Index["image"]);
        }

        using var text = registry.Lease(Modality.Text);
        var query = text.Encoder.EmbedTexts(["a coloured square"])[0];
        var hits = await second.Collections.Serving(Modality.Image).SearchAsync(query, 10, cancellationToken: Ct);
        Assert.Equal(ids.Select(id => id.ToString("D")).Order(), hits.Select(hit => (string)hit.Record.Payload[PointFields.ItemId]).Order());
    }

    /// <summary>The text and image models of the shipped tree, plus image version teacher-1b: the same files with
    /// another version in the manifest (manifest.json is not among the hashed files).</summary>
    private static string CopyModels(string target)
    {
        foreach (var modality in new[] { "text", "image" })
        {
            var source = Path.Combine(RepositoryPaths.ShippedModels, modality, "teacher-1");
            CopyFolder(source, Path.Combine(target, modality, "teacher-1"));
            File.WriteAllText(Path.Combine(target, modality, "active.json"), """{"version": "teacher-1", "activated_utc": "2026-01-01T00:00:00+00:00"}""");
        }

        var shadow = Path.Combine(target, "image", "teacher-1b");
        CopyFolder(Path.Combine(RepositoryPaths.ShippedModels, "image", "teacher-1"), shadow);
        var manifest = Path.Combine(shadow, ModelFolder.ManifestFileName);
        var json = File.ReadAllText(manifest);
        Assert.Contains("\"version\": \"teacher-1\"", json, StringComparison.Ordinal);
        File.WriteAllText(manifest, json.Replace("\"version\": \"teacher-1\"", "\"version\": \"teacher-1b\"", StringComparison.Ordinal));
        return target;
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    private static async Task<(ItemRecord Item, JobRecord Job)> AcceptWithoutSendingAsync(ItemCatalog catalog, OriginalStore originals, byte[] content, ItemKind kind, string format)
    {
        using var staged = await originals.StageAsync(new MemoryStream(content), long.MaxValue, Ct);
        staged.Commit();
        return await catalog.AcceptAsync(new NewItem(staged.Sha256, kind, format, "image/png", $"{format}-file", staged.Size, new Dictionary<string, object>()), Ct);
    }

    private static async Task<ItemRecord> AssertIndexedAsync(IndexerHost host, Guid id)
    {
        var item = await host.WaitUntilSettledAsync(id, Ct);
        Assert.True(item.Status == ItemStatus.Indexed, $"item {id} is {item.Status}: {item.Error}\n{host.Logs}");
        return item;
    }

    private static async Task<IReadOnlyList<VectorRecord>> PointsAsync(IndexerHost host, Modality modality, Guid itemId)
    {
        if (await host.Collections.ServingCollectionAsync(modality, Ct) is null)
        {
            return [];
        }

        var page = await host.Collections.Serving(modality).ScrollAsync(ModalityCollections.ItemFilter(itemId), 1_000, includeVectors: true, cancellationToken: Ct);
        Assert.Null(page.NextOffset);
        return page.Records;
    }

    private static async Task<IReadOnlyList<VectorRecord>> AllPointsAsync(VectorCollection collection)
    {
        var page = await collection.ScrollAsync(null, 10_000, includeVectors: true, cancellationToken: Ct);
        Assert.Null(page.NextOffset);
        return page.Records;
    }

    private static void AssertSamePoints(IReadOnlyList<VectorRecord> expected, IReadOnlyList<VectorRecord> actual)
    {
        Assert.Equal(expected.Select(point => point.Id).Order(), actual.Select(point => point.Id).Order());
        foreach (var point in expected)
        {
            var other = actual.Single(candidate => candidate.Id == point.Id);
            Assert.Equal(point.Vector.ToArray(), other.Vector.ToArray());
            Assert.Equal(point.Payload.Count, other.Payload.Count);
            Assert.All(point.Payload, field => Assert.True(Payload.ValuesEqual(field.Value, other.Payload[field.Key]), $"payload field {field.Key} changed"));
        }
    }

    private async Task<TimeSpan> DecodedDurationAsync(string path)
    {
        using var lease = encoders.Registry.Lease(Modality.Audio);
        return (await lease.Encoder.AudioPreprocessor.DecodeAsync(path, cancellationToken: Ct)).Duration;
    }

    private async Task<TimeSpan> VideoDurationAsync(string path)
    {
        using var lease = encoders.Registry.Lease(Modality.Video);
        var info = await lease.Encoder.VideoPreprocessor.ProbeAsync(path, Ct);
        return info.Video?.Duration ?? info.Duration ?? throw new InvalidOperationException("no duration");
    }

    private static Task WaitUntilAsync(Func<bool> condition, string failure) => WaitUntilAsync(() => Task.FromResult(condition()), failure, null);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure, IndexerHost.LogLines? logs)
    {
        var step = TimeSpan.FromMilliseconds(50);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromMinutes(3); waited += step)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(step, Ct);
        }

        Assert.Fail($"{failure}\n{logs}");
    }
}
