using Baize.Compression.Layers;
using Baize.Compression.Onnx;
using Baize.Compression.Onnx.Proto;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Architectures;

/// <summary>
/// Text encoder: token and learned position embeddings, pre-LN Transformer blocks with a key padding mask, a final
/// LayerNorm, mean pooling over the real tokens, a projection and L2 normalisation.
/// </summary>
public sealed class TextEncoder : nn.Module<Tensor, Tensor, Tensor>, IEncoder
{
    /// <summary>BERT's initialisation scale for both embedding tables.</summary>
    private const double EmbeddingInitStd = 0.02;

    [ComponentName(Name = "token_embedding")]
    private readonly TorchSharp.Modules.Embedding _tokenEmbedding;

    [ComponentName(Name = "position_embedding")]
    private readonly Parameter _positionEmbedding;

    [ComponentName(Name = "blocks")]
    private readonly ModuleList<TransformerBlock> _blocks = new();

    [ComponentName(Name = "norm")]
    private readonly LayerNorm _norm;

    [ComponentName(Name = "projection")]
    private readonly Linear _projection;

    public TextEncoder(TextEncoderConfig config)
        : base(nameof(TextEncoder))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _tokenEmbedding = nn.Embedding(config.VocabularySize, config.ModelDim);
        _positionEmbedding = nn.Parameter(zeros(EncoderContract.TextSequenceLength, config.ModelDim));
        using (no_grad())
        {
            nn.init.normal_(_tokenEmbedding.weight!, std: EmbeddingInitStd);
            nn.init.normal_(_positionEmbedding, std: EmbeddingInitStd);
        }

        foreach (var block in config.Blocks)
        {
            _blocks.Add(new TransformerBlock(config.ModelDim, block.Heads, config.HeadDim, block.MlpHiddenUnits));
        }

        _norm = nn.LayerNorm(config.ModelDim);
        _projection = nn.Linear(config.ModelDim, EncoderContract.EmbeddingDimension);
        RegisterComponents();
    }

    /// <summary>The name of the model-width layer in <see cref="PrunableLayers"/>.</summary>
    public const string StreamLayerName = "stream";

    public TextEncoderConfig Config { get; }

    IEncoderConfig IEncoder.Config => Config;

    public string ArchitectureName => nameof(TextEncoder);

    /// <param name="inputIds">int64 [N, 32] token ids.</param>
    /// <param name="attentionMask">int64 [N, 32], 1 for real tokens and 0 for padding.</param>
    /// <returns>[N, 128] unit-norm embeddings.</returns>
    public override Tensor forward(Tensor inputIds, Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var mask = attentionMask.to_type(ScalarType.Float32);
        var tokens = _tokenEmbedding.call(inputIds) + _positionEmbedding;
        var additiveMask = MultiHeadSelfAttention.AdditiveMask(mask);
        foreach (var block in _blocks)
        {
            tokens = block.call(tokens, additiveMask);
        }

        var pooled = MaskedMeanPooling.Apply(_norm.call(tokens), mask);
        return L2Normalization.Apply(_projection.call(pooled)).MoveToOuterDisposeScope();
    }

    public void DefineOnnxGraph(OnnxGraphBuilder graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var inputIds = graph.AddInput(EncoderContract.TextTokenInput, TensorProto.Types.DataType.Int64, EncoderContract.TextSequenceLength);
        var attentionMask = graph.AddInput(EncoderContract.TextMaskInput, TensorProto.Types.DataType.Int64, EncoderContract.TextSequenceLength);

        var mask = graph.Node("Cast", [attentionMask], OnnxAttributes.Value("to", (long)TensorProto.Types.DataType.Float));
        var tokens = graph.Node("Add", [OnnxModuleExport.Embedding(graph, _tokenEmbedding, inputIds), graph.Weight(_positionEmbedding)]);
        var additiveMask = MultiHeadSelfAttention.ExportAdditiveMask(graph, mask);
        foreach (var block in _blocks)
        {
            tokens = block.Export(graph, tokens, additiveMask);
        }

        var pooled = MaskedMeanPooling.Export(graph, OnnxModuleExport.LayerNorm(graph, _norm, tokens), mask);
        var embedding = L2Normalization.Export(graph, OnnxModuleExport.Linear(graph, _projection, pooled));
        graph.AddOutput(EncoderContract.EmbeddingOutput, embedding, EncoderContract.EmbeddingDimension);
    }

    public long ParameterCount()
    {
        return parameters().Sum(parameter => parameter.numel());
    }

    public long MacsPerItem()
    {
        return Config.MacsPerItem();
    }

    public IReadOnlyList<PrunableLayer> PrunableLayers()
    {
        return [StreamWidth(), .. _blocks.SelectMany((block, i) => block.PrunableLayers($"blocks.{i}"))];
    }

    /// <summary>The residual stream's channels, shared by the embeddings, every block and the final LayerNorm.</summary>
    private PrunableLayer StreamWidth()
    {
        // Embedding.weight wraps the native tensor anew on each read; the registered parameter is the one training sees.
        var tokenTable = named_parameters().Single(entry => entry.name == "token_embedding.weight").parameter;
        var producers = new List<GroupedParameter> { new(tokenTable, 1), new(_positionEmbedding, 1) };
        var readers = new List<GroupSlice> { new(_projection.weight!, 1) };
        foreach (var block in _blocks)
        {
            var slices = block.StreamSlices();
            producers.AddRange(slices.Producers);
            readers.AddRange(slices.Readers);
        }

        producers.Add(new(_norm.weight!, 0));
        producers.Add(new(_norm.bias!, 0));
        return new PrunableLayer(StreamLayerName, PrunableKind.ModelWidth, Config.ModelDim, producers, readers, new ActivationTap(_norm, -1));
    }
}
