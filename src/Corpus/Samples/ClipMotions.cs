namespace Baize.Corpus.Samples;

/// <summary>How the items of a clip move.</summary>
internal static class ClipMotions
{
    public const string Left = "left";
    public const string Right = "right";
    public const string Up = "up";
    public const string Down = "down";
    public const string ZoomIn = "zoom-in";
    public const string ZoomOut = "zoom-out";

    public static IReadOnlyList<string> All { get; } = [Left, Right, Up, Down, ZoomIn, ZoomOut];

    public static bool IsZoom(string motion) => motion is ZoomIn or ZoomOut;
}
