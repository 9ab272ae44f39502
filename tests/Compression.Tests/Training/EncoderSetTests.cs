using Baize.Compression.Training;

namespace Baize.Compression.Tests.Training;

public sealed class EncoderSetTests
{
    [Fact]
    public void Image_and_audio_configs_cannot_swap_places()
    {
        var teacher = EncoderSetConfig.Teacher(300);
        var swapped = teacher with { Image = teacher.Audio, Audio = teacher.Image };

        Assert.Throws<ArgumentException>(() => new EncoderSet(swapped));
    }
}
