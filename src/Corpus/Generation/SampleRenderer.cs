using Baize.Corpus.Mnist;
using Baize.Corpus.Rendering;
using Baize.Corpus.Samples;
using Baize.Corpus.Speech;
using Baize.Corpus.Video;

namespace Baize.Corpus.Generation;

/// <summary>Turns a plan into media files in a split folder and returns the sample that describes them.</summary>
internal sealed class SampleRenderer
{
    public const int ClipFrames = 16;
    public const int ClipFramesPerSecond = 8;

    private readonly FashionMnistImages _images;
    private readonly string _splitFolder;

    public SampleRenderer(FashionMnistImages images, string splitFolder)
    {
        _images = images;
        _splitFolder = splitFolder;
    }

    /// <summary>Creates the media folders of the split.</summary>
    public void PrepareFolders()
    {
        foreach (var folder in new[] { CorpusFiles.Images, CorpusFiles.Audio, CorpusFiles.Video })
        {
            Directory.CreateDirectory(Path.Combine(_splitFolder, folder));
        }
    }

    public async Task<CorpusSample> RenderAsync(SamplePlan plan, CancellationToken ct)
    {
        var background = BackgroundPainter.Paint(plan.Background);
        string? imagePath = null;
        string? videoPath = null;
        if (plan.Kind == SampleKind.Scene)
        {
            imagePath = $"{CorpusFiles.Images}/{plan.Id}.png";
            var frame = new byte[Frame.ValuesPerFrame];
            FramePainter.Paint(background, plan.Tracks, _images, 0f, frame);
            await File.WriteAllBytesAsync(Path.Combine(_splitFolder, imagePath), PngEncoder.Encode(frame), ct);
        }
        else
        {
            videoPath = $"{CorpusFiles.Video}/{plan.Id}.mp4";
            await Mp4Encoder.EncodeAsync(Path.Combine(_splitFolder, videoPath), PaintClip(background, plan.Tracks), ClipFramesPerSecond, ct);
        }

        var audioPath = $"{CorpusFiles.Audio}/{plan.Id}.wav";
        var speech = await SpeechSynthesizer.SpeakAsync(plan.Caption, plan.Speech, ct);
        await File.WriteAllBytesAsync(Path.Combine(_splitFolder, audioPath), WavFile.WritePcm16Mono(speech, SpeechSynthesizer.SampleRate), ct);
        return new CorpusSample(plan.Id, plan.Split, plan.Kind, plan.Caption, imagePath, videoPath, audioPath, plan.Attributes, plan.Speech.Voice);
    }

    private byte[] PaintClip(float[] background, IReadOnlyList<ItemTrack> tracks)
    {
        var frameBytes = Frame.ValuesPerFrame;
        var frames = new byte[ClipFrames * frameBytes];
        for (var index = 0; index < ClipFrames; index++)
        {
            FramePainter.Paint(background, tracks, _images, index / (ClipFrames - 1f), frames.AsSpan(index * frameBytes, frameBytes));
        }

        return frames;
    }
}
