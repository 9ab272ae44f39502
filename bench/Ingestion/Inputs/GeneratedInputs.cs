using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Baize.BenchSupport;
using Baize.Embedding;
using SkiaSharp;

namespace Baize.Ingestion.Inputs;

/// <summary>
/// Items made up on the spot when there is no corpus (or with --generate), shaped like the corpus's: 64 × 64 PNG
/// images of coloured shapes (SkiaSharp), 2–4 s 16 kHz mono WAV tones, 2 s 64 × 64 8 fps H.264 clips without sound
/// (ffmpeg), and short captions. Items with different indices differ (an image also gets its index drawn into it,
/// audio and video carry it in their metadata), so each upload is a new item.
/// </summary>
public sealed class GeneratedInputs : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("baize-bench-ingestion-inputs-");
    private readonly string _ffmpeg;

    public GeneratedInputs(string ffmpegPath)
    {
        _ffmpeg = ffmpegPath;
    }

    /// <param name="firstIndex">Index of the first item; items with different indices differ.</param>
    public async Task<ModalityInputs> CreateAsync(Modality modality, int count, int firstIndex, CancellationToken cancellationToken)
    {
        var items = new InputItem[count];
        switch (modality)
        {
            case Modality.Text:
                for (var i = 0; i < count; i++)
                {
                    items[i] = InputItem.Caption(firstIndex + i, Caption(firstIndex + i));
                }

                break;
            case Modality.Image:
                for (var i = 0; i < count; i++)
                {
                    items[i] = InputItem.File(Image(firstIndex + i), "image/png");
                }

                break;
            default:
                // ffmpeg runs a few at a time: one process per file, like the preprocessors.
                var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
                await Parallel.ForAsync(0, count, options, async (i, token) =>
                    items[i] = modality == Modality.Audio
                        ? InputItem.File(await AudioAsync(firstIndex + i, token), "audio/wav")
                        : InputItem.File(await VideoAsync(firstIndex + i, token), "video/mp4"));
                break;
        }

        return new ModalityInputs(modality, items, "generated");
    }

    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaner.
        }
    }

    private string Image(int index)
    {
        var random = new Random(index);
        var path = Path.Combine(_folder.FullName, $"image-{index:D7}.png");
        using var surface = SKSurface.Create(new SKImageInfo(64, 64)) ?? throw new InvalidOperationException("SkiaSharp could not create a surface.");
        var canvas = surface.Canvas;
        canvas.Clear(RandomColour(random));
        using var paint = new SKPaint { Color = RandomColour(random), IsAntialias = true };
        canvas.DrawRect(random.Next(0, 32), random.Next(0, 32), random.Next(8, 32), random.Next(8, 32), paint);
        paint.Color = RandomColour(random);
        canvas.DrawCircle(random.Next(16, 48), random.Next(16, 48), random.Next(4, 16), paint);

        // The index as a row of pixels, so two images never have the same bytes.
        for (var bit = 0; bit < 32; bit++)
        {
            canvas.DrawPoint(bit * 2, 63, ((index >> bit) & 1) == 1 ? SKColors.White : SKColors.Black);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    private async Task<string> AudioAsync(int index, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder.FullName, $"audio-{index:D7}.wav");
        var frequency = 200 + (index * 7 % 1800);
        var seconds = 2.0 + (index % 9 * 0.25);
        var source = string.Create(CultureInfo.InvariantCulture, $"sine=frequency={frequency}:sample_rate=16000:duration={seconds}");
        await RunFfmpegAsync(["-f", "lavfi", "-i", source, "-ac", "1", "-c:a", "pcm_s16le", "-metadata", $"comment=baize-bench-{index}", path], cancellationToken);
        return path;
    }

    private async Task<string> VideoAsync(int index, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_folder.FullName, $"video-{index:D7}.mp4");
        var hue = string.Create(CultureInfo.InvariantCulture, $"hue=h={index * 360.0 / 1000 % 360:0.###}");
        await RunFfmpegAsync(
            ["-f", "lavfi", "-i", "testsrc2=size=64x64:rate=8:duration=2", "-vf", hue, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-an",
             "-metadata", $"comment=baize-bench-{index}", path],
            cancellationToken);
        return path;
    }

    private async Task RunFfmpegAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", .. arguments])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{_ffmpeg} did not start.");
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg failed generating a file: {(await errors).Trim()}");
            }
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"ffmpeg ({_ffmpeg}) cannot be run to generate media: {ex.Message}", ex);
        }
    }

    /// <summary>A caption in the corpus's words, e.g. "a red coat at the top, number 0".</summary>
    private static string Caption(int index)
    {
        var colours = CorpusVocabulary.Colours;
        var garments = CorpusVocabulary.Garments;
        var places = CorpusVocabulary.Places;
        return $"a {colours[index % colours.Count]} {garments[(index / colours.Count) % garments.Count]} {places[(index / 100) % places.Count]}, number {index}";
    }

    private static SKColor RandomColour(Random random) => new((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
}
