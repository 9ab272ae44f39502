using System.Collections.Concurrent;
using Baize.Embedding.Models;
using Baize.Embedding.Runtime;
using Baize.Embedding.Tests.Support;
using Baize.TestSupport;

namespace Baize.Embedding.Tests.Runtime;

public sealed class EncoderRegistryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ModelDirectory _models;

    public EncoderRegistryTests()
    {
        _models = new ModelDirectory(_temp.Path);
    }

    [Fact]
    public void Leasing_a_modality_with_no_active_encoder_fails_clearly()
    {
        using var registry = new EncoderRegistry();

        Assert.False(registry.TryLease(Modality.Audio, out _));
        var error = Assert.Throws<InvalidOperationException>(() => registry.Lease(Modality.Audio));
        Assert.Contains("No Audio encoder is active", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_encoder_is_disposed_only_when_its_last_lease_ends()
    {
        var (v1, v2) = await TwoImageVersionsAsync();
        using var registry = new EncoderRegistry();
        var first = registry.Activate(v1);
        var lease = registry.Lease(Modality.Image);

        var second = registry.Activate(v2);

        Assert.Equal("2.0.0", registry.ActiveVersion(Modality.Image));
        Assert.False(first.IsDisposed);
        Assert.Equal("1.0.0", lease.Version);
        Assert.Single(lease.Encoder.Embed([new float[lease.Encoder.InputLength]]));
        using (var fresh = registry.Lease(Modality.Image))
        {
            Assert.Same(second, fresh.Encoder);
        }

        lease.Dispose();
        lease.Dispose();

        Assert.True(first.IsDisposed);
        Assert.False(second.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => lease.Encoder);
    }

    [Fact]
    public async Task Swapping_under_concurrent_leases_never_exposes_a_disposed_or_mixed_encoder()
    {
        var (v1, v2) = await TwoImageVersionsAsync();
        using var registry = new EncoderRegistry(new EncoderOptions { IntraOpThreads = 1 });
        var created = new ConcurrentQueue<OnnxEncoder>();
        created.Enqueue(registry.Activate(v1));
        var input = Enumerable.Range(0, 3 * 64 * 64).Select(i => (float)Math.Cos(i * 0.01)).ToArray();
        var expected = new Dictionary<string, float[]>
        {
            ["1.0.0"] = ExpectedVector(v1, input),
            ["2.0.0"] = ExpectedVector(v2, input),
        };
        using var stop = new CancellationTokenSource();
        var leases = 0;

        // Dedicated threads: busy readers on pool threads would starve the swapper on a two-core machine.
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    using var lease = registry.Lease(Modality.Image);
                    var before = lease.Encoder.Embed([input])[0];
                    var after = lease.Encoder.Embed([input])[0];
                    Assert.False(lease.Encoder.IsDisposed);
                    Assert.Equal(expected[lease.Version], before);
                    Assert.Equal(before, after);
                    Interlocked.Increment(ref leases);
                }
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToList();
        var swapper = Task.Factory.StartNew(
            () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    // Let the readers lease the current version a few times before replacing it.
                    var seen = Volatile.Read(ref leases);
                    SpinWait.SpinUntil(() => Volatile.Read(ref leases) >= seen + 3 || readers.Any(r => r.IsFaulted));
                    created.Enqueue(registry.Activate(i % 2 == 0 ? v2 : v1));
                }
            },
            TestContext.Current.CancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        await swapper;
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(leases >= 60, $"only {leases} leases ran");
        var active = created.Last();
        Assert.False(active.IsDisposed);
        Assert.All(created.Where(e => e != active), e => Assert.True(e.IsDisposed));
    }

    [Fact]
    public async Task Disposing_the_registry_keeps_leased_encoders_alive_until_released()
    {
        var (v1, _) = await TwoImageVersionsAsync();
        var registry = new EncoderRegistry();
        var encoder = registry.Activate(v1);
        var lease = registry.Lease(Modality.Image);

        registry.Dispose();

        Assert.False(encoder.IsDisposed);
        lease.Dispose();
        Assert.True(encoder.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => registry.Lease(Modality.Image));
    }

    [Fact]
    public async Task Activate_all_serves_each_modality_that_has_an_active_pointer()
    {
        foreach (var modality in new[] { Modality.Text, Modality.Video })
        {
            await TestModelFolders.CreateAsync(_models.VersionPath(modality, "1.0.0"), modality, "1.0.0", cancellationToken: TestContext.Current.CancellationToken);
            _models.SetActive(modality, "1.0.0");
        }

        await TestModelFolders.CreateAsync(_models.VersionPath(Modality.Audio, "1.0.0"), Modality.Audio, "1.0.0", cancellationToken: TestContext.Current.CancellationToken);
        using var registry = new EncoderRegistry();

        var activated = registry.ActivateAll(_models);

        Assert.Equal([Modality.Text, Modality.Video], activated.Select(f => f.Modality));
        using var text = registry.Lease(Modality.Text);
        Assert.Single(text.Encoder.EmbedTexts(["a red dress"]));
        Assert.Null(registry.ActiveVersion(Modality.Audio));
    }

    public void Dispose() => _temp.Dispose();

    private static float[] ExpectedVector(ModelFolder model, float[] input)
    {
        using var encoder = OnnxEncoder.Create(model);
        return encoder.Embed([input])[0];
    }

    /// <summary>Two image versions with different weights, so their outputs tell them apart.</summary>
    private async Task<(ModelFolder V1, ModelFolder V2)> TwoImageVersionsAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await TestModelFolders.CreateAsync(_models.VersionPath(Modality.Image, "1.0.0"), Modality.Image, "1.0.0", TestOnnxModels.Image(seed: 1), cancellationToken);
        await TestModelFolders.CreateAsync(_models.VersionPath(Modality.Image, "2.0.0"), Modality.Image, "2.0.0", TestOnnxModels.Image(seed: 2), cancellationToken);
        return (_models.Load(Modality.Image, "1.0.0"), _models.Load(Modality.Image, "2.0.0"));
    }
}
