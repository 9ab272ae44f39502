using Baize.Compression.Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Baize.Compression.Layers;

/// <summary>The residual blocks of one <see cref="ResidualStageConfig"/>; only the first block changes resolution.</summary>
public sealed class ResidualStage : nn.Module<Tensor, Tensor>, IOnnxExportable
{
    [ComponentName(Name = "blocks")]
    private readonly ModuleList<ResidualBlock> _blocks = new();

    public ResidualStage(int inChannels, ResidualStageConfig config)
        : base(nameof(ResidualStage))
    {
        ArgumentNullException.ThrowIfNull(config);
        // A stage without blocks would not produce the width its config promises.
        ArgumentOutOfRangeException.ThrowIfZero(config.BlockInnerWidths.Count);
        var channels = inChannels;
        for (var i = 0; i < config.BlockInnerWidths.Count; i++)
        {
            _blocks.Add(new ResidualBlock(channels, config.BlockInnerWidths[i], config.Width, i == 0 ? config.Stride : 1));
            channels = config.Width;
        }

        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var output = input;
        foreach (var block in _blocks)
        {
            output = block.call(output);
        }

        return output.MoveToOuterDisposeScope();
    }

    public string Export(OnnxGraphBuilder graph, string input)
    {
        var output = input;
        foreach (var block in _blocks)
        {
            output = block.Export(graph, output);
        }

        return output;
    }

    /// <summary>Each block's inner channels, as prunable layers named under <paramref name="path"/> (this stage's state-dict path).</summary>
    internal IEnumerable<PrunableLayer> InnerChannels(string path)
    {
        return _blocks.Select((block, i) => block.InnerChannels($"{path}.blocks.{i}"));
    }

    /// <summary>
    /// The parameters that compute each channel of the stage's residual stream. Blocks after the first add to the
    /// stream through identity shortcuts, so their second convolutions are producers of the same channels.
    /// </summary>
    internal IEnumerable<GroupedParameter> OutputProducers()
    {
        return _blocks.SelectMany(block => block.OutputProducers());
    }

    /// <summary>The running statistics of every block's output channels.</summary>
    internal IEnumerable<GroupSlice> OutputStatistics()
    {
        return _blocks.SelectMany(block => block.OutputStatistics());
    }

    /// <summary>What reads the stage's input channels: the first block's convolution and projection shortcut.</summary>
    internal IEnumerable<GroupSlice> InputColumns()
    {
        return _blocks[0].InputColumns();
    }

    /// <summary>What reads the residual stream inside the stage: every block after the first.</summary>
    internal IEnumerable<GroupSlice> StreamReaders()
    {
        return _blocks.Skip(1).SelectMany(block => block.InputColumns());
    }

    /// <summary>The stage's last block, whose output is the stage's output.</summary>
    internal ResidualBlock LastBlock => _blocks[^1];
}
