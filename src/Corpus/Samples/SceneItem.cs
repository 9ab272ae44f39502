namespace Baize.Corpus.Samples;

/// <summary>One Fashion-MNIST item as it appears in a sample.</summary>
/// <param name="Category">Fashion-MNIST class name, e.g. "Sneaker" or "T-shirt/top".</param>
/// <param name="Colour">Palette colour name, e.g. "red".</param>
/// <param name="Position">left, right, top, bottom or centre; for clips the starting position.</param>
/// <param name="Size">small or large; for clips the starting size.</param>
public sealed record SceneItem(string Category, string Colour, string Position, string Size);
