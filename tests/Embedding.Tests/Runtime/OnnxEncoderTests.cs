using System.Numerics.Tensors;
using Baize.Embedding.Media;
using Baize.Embedding.Models;
using Baize.Embedding.Runtime;
using Baize.Embedding.Tests.Support;
using Baize.TestSupport;
using SkiaSharp;

namespace Baize.Embedding.Tests.Runtime;

public sealed class OnnxEncoderTests(MediaFixture media) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Image_files_embed_to_unit_vectors_of_the_manifest_dimension()
    {
        using var encoder = await CreateAsync(Modality.Image);
        var red = await WriteAsync("red.png", TestImages.Solid(SKColors.Red, 80, 80));
        var blue = await WriteAsync("blue.jpg", TestImages.Solid(SKColors.Blue, 80, 60, SKEncodedImageFormat.Jpeg));

        var vectors = await encoder.EmbedImagesAsync([red, blue, red], TestContext.Current.CancellationToken);

        Assert.All(vectors, v => Assert.Equal(128, v.Length));
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 1e-5f));
        Assert.Equal(vectors[0], vectors[2]);
        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]) < 0.99f);
    }

    [Fact]
    public async Task Batches_larger_than_the_chunk_size_match_one_by_one_runs()
    {
        using var encoder = await CreateAsync(Modality.Audio, new EncoderOptions { MaxBatchSize = 8 });
        var random = new Random(5);
        var inputs = Enumerable.Range(0, 21)
            .Select(_ => Enumerable.Range(0, encoder.InputLength).Select(_ => (float)random.NextDouble()).ToArray())
            .ToList();

        var batched = encoder.Embed(inputs);

        Assert.Equal(21, batched.Length);
        for (var i = 0; i < inputs.Count; i++)
        {
            var single = encoder.Embed([inputs[i]])[0];
            Assert.True(TensorPrimitives.CosineSimilarity(single, batched[i]) > 0.99999f, $"input {i} differs");
        }
    }

    [Fact]
    public async Task Texts_embed_through_the_models_vocabulary()
    {
        using var encoder = await CreateAsync(Modality.Text);

        var vectors = encoder.EmbedTexts(["a red shirt", "A RED SHIRT", "a black coat", string.Empty]);

        Assert.Equal(vectors[0], vectors[1]);
        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[2]) < 0.99f);
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 1e-5f));
    }

    [Fact]
    public async Task The_same_sound_in_different_formats_embeds_alike()
    {
        using var encoder = await CreateAsync(Modality.Audio);

        var vectors = await encoder.EmbedAudioAsync([media.Tone1000Wav, media.Tone1000Flac, media.Tone1000Mp3, media.Speech], TestContext.Current.CancellationToken);

        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]) > 0.999f);
        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[2]) > 0.99f);
        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[3]) < TensorPrimitives.CosineSimilarity(vectors[0], vectors[2]));
    }

    [Fact]
    public async Task The_same_video_in_different_containers_embeds_alike()
    {
        using var encoder = await CreateAsync(Modality.Video);

        var vectors = await encoder.EmbedVideosAsync([media.RampMp4, media.RampMkv, media.RampWebm], TestContext.Current.CancellationToken);

        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]) > 0.9999f);
        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[2]) > 0.99f);
    }

    [Fact]
    public async Task A_broken_file_in_a_batch_fails_the_call_with_its_reason()
    {
        using var encoder = await CreateAsync(Modality.Image);
        var good = await WriteAsync("good.png", TestImages.Solid(SKColors.Red, 10, 10));
        var bad = await WriteAsync("bad.png", [1, 2, 3]);

        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => encoder.EmbedImagesAsync([good, bad], TestContext.Current.CancellationToken));

        Assert.Equal(MediaDecodeReason.UnsupportedFormat, error.Reason);
    }

    [Fact]
    public async Task Concurrent_callers_get_the_same_answers_as_a_lone_caller()
    {
        using var encoder = await CreateAsync(Modality.Image);
        var input = Enumerable.Range(0, encoder.InputLength).Select(i => (float)Math.Sin(i)).ToArray();
        var expected = encoder.Embed([input])[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => encoder.Embed([input, input, input]), TestContext.Current.CancellationToken)));

        Assert.All(results.SelectMany(r => r), v => Assert.Equal(expected, v));
    }

    [Fact]
    public async Task Inputs_for_another_modality_or_of_the_wrong_length_are_refused()
    {
        using var text = await CreateAsync(Modality.Text, folderName: "text");
        using var image = await CreateAsync(Modality.Image, folderName: "image");

        Assert.Throws<InvalidOperationException>(() => text.Embed([new float[10]]));
        Assert.Throws<InvalidOperationException>(() => image.TextPreprocessor);
        Assert.Throws<InvalidOperationException>(() => image.EmbedTexts(["red"]));
        Assert.Throws<ArgumentException>(() => image.Embed([new float[10]]));
        Assert.Equal(3 * 64 * 64, image.InputLength);
    }

    [Fact]
    public async Task A_disposed_encoder_refuses_work()
    {
        var encoder = await CreateAsync(Modality.Image);
        encoder.Dispose();

        Assert.True(encoder.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => encoder.Embed([new float[encoder.InputLength]]));
    }

    public void Dispose() => _temp.Dispose();

    private async Task<OnnxEncoder> CreateAsync(Modality modality, EncoderOptions? options = null, string folderName = "model")
    {
        var path = await TestModelFolders.CreateAsync(_temp.File(folderName), modality, cancellationToken: TestContext.Current.CancellationToken);
        return OnnxEncoder.Create(ModelFolder.Load(path), options);
    }

    private async Task<string> WriteAsync(string name, byte[] bytes)
    {
        var path = _temp.File(name);
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);
        return path;
    }
}
