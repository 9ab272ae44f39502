using Baize.Corpus.Mnist;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Classification;

/// <summary>Normalised [N, 1, 28, 28] images and their int64 class labels.</summary>
public sealed class LabelledImages : IDisposable
{
    private LabelledImages(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public long Count => Labels.shape[0];

    internal static LabelledImages From(FashionMnistImages source, int first, int count, float mean, float std)
    {
        var side = FashionMnistImages.Side;
        var pixels = new float[(long)count * FashionMnistImages.PixelsPerImage];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            var image = source.Image(first + i);
            var offset = i * FashionMnistImages.PixelsPerImage;
            for (var p = 0; p < image.Length; p++)
            {
                pixels[offset + p] = ((image[p] / 255f) - mean) / std;
            }

            labels[i] = source.Labels[first + i];
        }

        return new LabelledImages(torch.tensor(pixels, [count, 1, side, side]), torch.tensor(labels));
    }

    /// <summary>The model's logits for every image, in batches, without gradients, in eval mode.</summary>
    public Tensor Logits(Classifier model, int batch = 500)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        var wasTraining = model.training;
        model.eval();
        try
        {
            var parts = new List<Tensor>();
            for (long start = 0; start < Count; start += batch)
            {
                parts.Add(model.forward(Images.narrow(0, start, Math.Min(batch, Count - start))));
            }

            var logits = torch.cat(parts, 0);
            parts.ForEach(part => part.Dispose());
            return logits;
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    /// <summary>The fraction of images whose largest logit is their label.</summary>
    public double Accuracy(Classifier model)
    {
        using var scope = NewDisposeScope();
        return Logits(model).argmax(1).eq(Labels).to(ScalarType.Float64).mean().item<double>();
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
