using Baize.Compression.Architectures;
using Baize.Corpus.Samples;
using Baize.Embedding;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Training;

/// <summary>
/// The items one modality sees in a <see cref="PairedSplit"/>, in <see cref="Corpus.Evaluation.EvaluationSet"/>'s
/// order: captions and speech of all scenes then all clips, the scenes' images, the clips' videos. Gathers any rows of
/// them as model inputs and runs an encoder of that modality on them.
/// </summary>
public sealed class ModalityInputs(PairedSplit split, Modality modality)
{
    public Modality Modality => modality;

    /// <summary>The samples this modality's items belong to, in item order.</summary>
    public IReadOnlyList<CorpusSample> Samples { get; } = modality switch
    {
        Modality.Image => split.Scenes,
        Modality.Video => split.Clips,
        _ => [.. split.Scenes, .. split.Clips],
    };

    /// <summary>Items of this modality in the split.</summary>
    public long Count => Samples.Count;

    /// <param name="encoder">An encoder of this modality.</param>
    /// <param name="rows">int64 item indices on the CPU.</param>
    /// <returns>[rows, 128] embeddings, row i for item rows[i].</returns>
    public Tensor Forward(IEncoder encoder, Tensor rows, Device device)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(rows);
        using var scope = NewDisposeScope();
        var embeddings = modality switch
        {
            Modality.Text => ((TextEncoder)encoder).forward(ScenesThenClips(split.SceneTokens, split.ClipTokens, rows, device), ScenesThenClips(split.SceneMask, split.ClipMask, rows, device)),
            Modality.Image => ((ConvolutionalEncoder)encoder).forward(split.ScenePixels.index_select(0, rows).to(device)),
            Modality.Audio => ((ConvolutionalEncoder)encoder).forward(ScenesThenClips(split.SceneAudio, split.ClipAudio, rows, device)),
            Modality.Video => ((VideoEncoder)encoder).forward(split.ClipFrames.index_select(0, rows).to(device)),
            _ => throw new InvalidOperationException($"No inputs for {modality}."),
        };
        return embeddings.MoveToOuterDisposeScope();
    }

    /// <summary>Rows of the scenes' tensor then the clips' tensor, as if the two were one.</summary>
    private Tensor ScenesThenClips(Tensor scenes, Tensor clips, Tensor rows, Device device)
    {
        var sceneCount = split.Scenes.Count;
        var fromScenes = (rows < sceneCount).nonzero().squeeze(1);
        var fromClips = (rows >= sceneCount).nonzero().squeeze(1);
        var shape = scenes.shape.ToArray();
        shape[0] = rows.shape[0];
        var gathered = torch.empty(shape, dtype: scenes.dtype);
        gathered.index_copy_(0, fromScenes, scenes.index_select(0, rows.index_select(0, fromScenes)));
        gathered.index_copy_(0, fromClips, clips.index_select(0, rows.index_select(0, fromClips) - sceneCount));
        return gathered.to(device);
    }
}
