using System.Collections.Concurrent;
using Baize.Embedding;
using Baize.Embedding.Models;
using Baize.Embedding.Runtime;
using Baize.Indexer.Batching;
using Baize.TestSupport;

namespace Baize.Indexer.Tests.Batching;

public sealed class EmbeddingBatcherTests : IDisposable
{
    private readonly OnnxEncoder _image = OnnxEncoder.Create(ModelFolder.Load(Path.Combine(RepositoryPaths.ShippedModels, "image", "teacher-1")));
    private readonly OnnxEncoder _text = OnnxEncoder.Create(ModelFolder.Load(Path.Combine(RepositoryPaths.ShippedModels, "text", "teacher-1")));

    public void Dispose()
    {
        _image.Dispose();
        _text.Dispose();
    }

    [Fact]
    public async Task Concurrent_requests_for_one_encoder_are_embedded_in_batches_with_the_same_results_as_one_by_one()
    {
        var batches = new ConcurrentQueue<EmbeddingBatch>();
        using var held = new ManualResetEventSlim();
        await using var batcher = new EmbeddingBatcher(maxBatchSize: 32, onBatch: batch =>
        {
            batches.Enqueue(batch);
            held.Wait(TestContext.Current.CancellationToken); // the first batch holds the loop until every request is queued
        });
        var inputs = Enumerable.Range(0, 64).Select(seed => Features(_image.InputLength, seed)).ToList();

        var requests = new Task<float[]>[inputs.Count];
        Parallel.For(0, inputs.Count, index => requests[index] = batcher.EmbedAsync(_image, inputs[index], TestContext.Current.CancellationToken));
        held.Set();
        var results = await Task.WhenAll(requests);

        var sizes = batches.Select(batch => batch.Size).ToList();
        Assert.Equal(64, sizes.Sum());
        Assert.Contains(sizes, size => size > 1);
        Assert.All(sizes, size => Assert.InRange(size, 1, 32));
        Assert.All(batches, batch => Assert.Equal((Modality.Image, "teacher-1"), (batch.Modality, batch.EncoderVersion)));
        for (var index = 0; index < inputs.Count; index++)
        {
            var alone = _image.Embed([inputs[index]])[0];
            Assert.Equal(alone.Length, results[index].Length);
            for (var d = 0; d < alone.Length; d++)
            {
                Assert.Equal(alone[d], results[index][d], 1e-5);
            }
        }
    }

    [Fact]
    public async Task Text_and_image_requests_queued_together_each_get_their_own_encoders_result()
    {
        using var held = new ManualResetEventSlim();
        await using var batcher = new EmbeddingBatcher(onBatch: _ => held.Wait(TestContext.Current.CancellationToken));
        var ct = TestContext.Current.CancellationToken;
        string[] captions = ["a red dress", "black ankle boots", "a bag on a table", "a white shirt"];
        var pixels = Features(_image.InputLength, seed: 99);

        var first = batcher.EmbedAsync(_image, pixels, ct);
        var texts = captions.Select(caption => batcher.EmbedAsync(_text, _text.TextPreprocessor.Tokenize(caption), ct)).ToList();
        var image = batcher.EmbedAsync(_image, pixels, ct);
        held.Set();

        var textResults = await Task.WhenAll(texts);
        var expected = _text.EmbedTexts(captions);
        for (var index = 0; index < captions.Length; index++)
        {
            AssertClose(expected[index], textResults[index]);
        }

        AssertClose(_image.Embed([pixels])[0], await first);
        AssertClose(_image.Embed([pixels])[0], await image);
    }

    [Fact]
    public async Task A_failing_encoder_faults_every_caller_of_its_batch_and_no_one_else()
    {
        var broken = OnnxEncoder.Create(ModelFolder.Load(Path.Combine(RepositoryPaths.ShippedModels, "image", "teacher-1")));
        broken.Dispose();
        using var held = new ManualResetEventSlim();
        var batches = new ConcurrentQueue<EmbeddingBatch>();
        await using var batcher = new EmbeddingBatcher(onBatch: batch =>
        {
            batches.Enqueue(batch);
            held.Wait(TestContext.Current.CancellationToken);
        });
        var ct = TestContext.Current.CancellationToken;

        var gate = batcher.EmbedAsync(_image, Features(_image.InputLength, 0), ct);
        var doomed = Enumerable.Range(1, 5).Select(seed => batcher.EmbedAsync(broken, Features(_image.InputLength, seed), ct)).ToList();
        var fine = Enumerable.Range(6, 3).Select(seed => batcher.EmbedAsync(_image, Features(_image.InputLength, seed), ct)).ToList();
        held.Set();

        foreach (var request in doomed)
        {
            await Assert.ThrowsAsync<ObjectDisposedException>(() => request);
        }

        await gate;
        Assert.All(await Task.WhenAll(fine), vector => Assert.Equal(128, vector.Length));

        // The batcher keeps serving after a failed batch.
        Assert.Equal(128, (await batcher.EmbedAsync(_image, Features(_image.InputLength, 10), ct)).Length);
    }

    [Fact]
    public async Task A_request_cancelled_while_it_waits_is_cancelled_and_the_others_still_run()
    {
        using var entered = new ManualResetEventSlim();
        using var held = new ManualResetEventSlim();
        await using var batcher = new EmbeddingBatcher(onBatch: _ =>
        {
            entered.Set();
            held.Wait(TestContext.Current.CancellationToken);
        });
        using var cancellation = new CancellationTokenSource();
        var ct = TestContext.Current.CancellationToken;

        // The first request's batch holds the loop, so the next two are still queued when one of them is cancelled.
        var gate = batcher.EmbedAsync(_image, Features(_image.InputLength, 0), ct);
        entered.Wait(ct);
        var cancelled = batcher.EmbedAsync(_image, Features(_image.InputLength, 1), cancellation.Token);
        var kept = batcher.EmbedAsync(_image, Features(_image.InputLength, 2), ct);
        await cancellation.CancelAsync();
        held.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(128, (await kept).Length);
        Assert.Equal(128, (await gate).Length);
    }

    [Fact]
    public async Task A_disposed_batcher_refuses_new_requests()
    {
        var batcher = new EmbeddingBatcher();
        await batcher.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.EmbedAsync(_image, Features(_image.InputLength, 0), TestContext.Current.CancellationToken));
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var d = 0; d < expected.Length; d++)
        {
            Assert.Equal(expected[d], actual[d], 1e-5);
        }
    }

    private static float[] Features(int length, int seed)
    {
        var random = new Random(seed);
        var features = new float[length];
        for (var index = 0; index < length; index++)
        {
            features[index] = (float)((random.NextDouble() * 4) - 2);
        }

        return features;
    }
}
