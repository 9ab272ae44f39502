namespace Baize.Compression.Layers;

/// <summary>
/// The widths a compressed layer may have. Convolution channels: a multiple of <see cref="Multiple"/>, or the full
/// width. ONNX Runtime's blocked (NCHWc) CPU convolutions take a layer only when its input channels are fewer than 16
/// or a multiple of 4, and pad output channels to whole blocks, so a pruned width of 17 runs slower than one of 24:
/// the audio 4x student ran 1.8x its teacher with free widths and 4.0x with the same widths rounded up to multiples
/// of 8 (one thread, batch 32). Every other kind (hidden units, heads, a Transformer's width) feeds matrix products,
/// which have no such path, and keeps any width: rounded too, the text 8x students lost a residual channel (33 to
/// 32) and about 2 points of Recall@1 retention.
/// </summary>
public static class WidthAlignment
{
    public const int Multiple = 8;

    /// <summary>The smallest width allowed for <paramref name="layer"/> that is at least <paramref name="width"/>.</summary>
    public static int RoundUp(PrunableLayer layer, int width)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var step = Step(layer);
        return Math.Min(layer.GroupCount, (width + step - 1) / step * step);
    }

    /// <summary>
    /// The width allowed for <paramref name="layer"/> nearest to <paramref name="width"/> (halfway rounds up), at
    /// least one step: rounding every layer up instead makes a budget demand a higher pruning rate everywhere, so the
    /// layers that are not rounded give up more.
    /// </summary>
    public static int Nearest(PrunableLayer layer, int width)
    {
        var step = Step(layer);
        var up = RoundUp(layer, width);
        var down = width / step * step;
        return down > 0 && width - down < up - width ? down : up;
    }

    /// <summary>The unit <paramref name="layer"/>'s width changes by: <see cref="Multiple"/> channels for a convolution, else one group.</summary>
    public static int Step(PrunableLayer layer) => layer.Kind == PrunableKind.ConvChannels ? Multiple : 1;
}
