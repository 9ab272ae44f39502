using System.Text;
using Baize.Embedding.Media;

namespace Baize.Embedding.Tests.Media;

public sealed class MediaFormatDetectorTests
{
    [Theory]
    [InlineData("89504E470D0A1A0A0000000D49484452", MediaFormat.Png)]
    [InlineData("FFD8FFE000104A464946000101000001", MediaFormat.Jpeg)]
    [InlineData("52494646AAAA0000574542505650384C", MediaFormat.WebP)]
    [InlineData("52494646AAAA000057415645666D7420", MediaFormat.Wav)]
    [InlineData("4F676753000200000000000000000000", MediaFormat.Ogg)]
    [InlineData("664C614300000022100010000000", MediaFormat.Flac)]
    [InlineData("00000020667479706973736F6D000002", MediaFormat.Mp4)]
    [InlineData("1A45DFA39F4286810142F7810142F281", MediaFormat.Matroska)]
    [InlineData("494433040000000000", MediaFormat.Mp3)]
    [InlineData("FFFB90640000000000", MediaFormat.Mp3)]
    public void Known_signatures_are_recognised(string hex, MediaFormat expected)
    {
        Assert.Equal(expected, MediaFormatDetector.Detect(Convert.FromHexString(hex)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("474946383961")] // GIF
    [InlineData("424D3E000000")] // BMP
    [InlineData("FFF1508000")] // AAC ADTS: MPEG sync word, but layer bits 00
    [InlineData("FFFBF06400")] // MPEG sync word with a reserved bitrate index
    public void Other_signatures_are_not(string hex)
    {
        Assert.Null(MediaFormatDetector.Detect(Convert.FromHexString(hex)));
    }

    [Fact]
    public void A_playlist_that_could_point_ffmpeg_elsewhere_is_not_recognised()
    {
        Assert.Null(MediaFormatDetector.Detect(Encoding.ASCII.GetBytes("#EXTM3U\n#EXT-X-")));
    }
}
