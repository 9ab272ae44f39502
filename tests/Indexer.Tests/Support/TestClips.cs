using Baize.TestSupport;

namespace Baize.Indexer.Tests.Support;

/// <summary>Short MP4 clips for indexing, different for every <c>pattern</c>, made quickly by ffmpeg.</summary>
internal static class TestClips
{
    /// <summary>A moving test pattern (64x64, 10 fps) and, when <paramref name="toneFrequency"/> is given, a 16 kHz sine sound track.</summary>
    public static Task<string> Mp4Async(string path, double seconds, int? toneFrequency, CancellationToken cancellationToken, int pattern = 0) =>
        TestMedia.VideoAsync(
            path,
            Invariant($"testsrc=size=64x64:rate=10:duration={seconds},hue=h={pattern * 37 % 360}"),
            toneFrequency is { } frequency ? Invariant($"sine=frequency={frequency}:sample_rate=16000:duration={seconds}") : null,
            cancellationToken,
            "-preset", "ultrafast");

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
