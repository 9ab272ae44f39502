using Baize.Embedding.Preprocessing.Audio;

namespace Baize.Embedding.Tests.Preprocessing.Audio;

public sealed class RealFftTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(64)]
    [InlineData(512)]
    public void Power_spectrum_matches_a_direct_dft(int size)
    {
        var random = new Random(size);
        var frame = Enumerable.Range(0, size).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var power = new float[(size / 2) + 1];

        new RealFft(size).PowerSpectrum(frame, power);

        for (var k = 0; k < power.Length; k++)
        {
            double re = 0, im = 0;
            for (var n = 0; n < size; n++)
            {
                var angle = -2 * Math.PI * k * n / size;
                re += frame[n] * Math.Cos(angle);
                im += frame[n] * Math.Sin(angle);
            }

            var expected = (re * re) + (im * im);
            Assert.Equal(expected, power[k], Math.Max(1e-3, expected * 1e-4));
        }
    }

    [Fact]
    public void A_cosine_on_a_bin_puts_all_its_power_in_that_bin()
    {
        const int size = 512;
        const int bin = 37;
        var frame = Enumerable.Range(0, size).Select(n => (float)Math.Cos(2 * Math.PI * bin * n / size)).ToArray();
        var power = new float[(size / 2) + 1];

        new RealFft(size).PowerSpectrum(frame, power);

        Assert.Equal((size / 2.0) * (size / 2.0), power[bin], 1.0);
        Assert.All(power.Where((_, k) => k != bin), p => Assert.True(p < 1e-3, $"leak {p}"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(500)]
    [InlineData(16384)]
    public void Sizes_that_are_not_supported_powers_of_two_are_rejected(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealFft(size));
    }
}
