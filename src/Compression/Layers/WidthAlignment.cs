namespace Baize.Compression.Layers;

/// <summary>
/// The widths a compressed layer may have: a multiple of <see cref="Multiple"/> groups, or its full width. ONNX
/// Runtime's blocked (NCHWc) CPU convolutions take a layer only when its input channels are fewer than 16 or a
/// multiple of 4, and pad output channels to whole blocks, so a pruned width of 17 runs slower than one of 24: the
/// audio 4x student ran 1.8x its teacher with free widths and 4.0x with the same widths rounded up to multiples of 8.
/// Attention heads are exempt: one head is already 32 units wide.
/// </summary>
public static class WidthAlignment
{
    public const int Multiple = 8;

    /// <summary>The smallest width allowed for <paramref name="layer"/> that is at least <paramref name="width"/>.</summary>
    public static int RoundUp(PrunableLayer layer, int width)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var step = layer.Kind == PrunableKind.AttentionHeads ? 1 : Multiple;
        return Math.Min(layer.GroupCount, (width + step - 1) / step * step);
    }
}
