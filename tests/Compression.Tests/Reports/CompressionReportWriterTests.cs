using Baize.Compression.Reports;
using SkiaSharp;

namespace Baize.Compression.Tests.Reports;

public sealed class CompressionReportWriterTests : IDisposable
{
    private static readonly string[] TimePlotFiles = ["distillability.png", "sparsability.png", "dean-alpha.png", "dean-beta.png", "dean-share.png", "dean-price.png"];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("baize-report-");

    // A folder that does not exist yet: the writer has to create it.
    private string ReportFolder => Path.Combine(_root.FullName, "runs", "text-dean");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task Writes_every_plot_and_the_metric_table()
    {
        var history = History("dean", PointsOf(steps: 5));

        var reportPath = await CompressionReportWriter.WriteAsync(history, ReportFolder, TestContext.Current.CancellationToken);

        Assert.Equal(Path.Combine(ReportFolder, "report.md"), reportPath);
        foreach (var file in TimePlotFiles.Append("widths.png"))
        {
            AssertIsRenderedPng(Path.Combine(ReportFolder, file));
        }

        var report = await File.ReadAllTextAsync(reportPath, TestContext.Current.CancellationToken);
        Assert.StartsWith("# Compression report: text, dean, target 4x", report, StringComparison.Ordinal);
        Assert.Contains("| Name | Teacher | Student | Ratio |", report, StringComparison.Ordinal);
        Assert.Contains("| text->image R@1 | 0.5123 | 0.4711 | 0.9196 |", report, StringComparison.Ordinal);
        Assert.Contains("| parameters | 12,345,678 | 3,086,420 | 0.25 |", report, StringComparison.Ordinal);
        Assert.Contains("| encoder.blocks.0.mlp | 1,024 | 256 | 0.25 |", report, StringComparison.Ordinal);
        foreach (var file in TimePlotFiles.Append("widths.png"))
        {
            Assert.Contains($"]({file})", report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_without_points_skips_the_time_plots()
    {
        var history = History("scratch", points: []);

        var reportPath = await CompressionReportWriter.WriteAsync(history, ReportFolder, TestContext.Current.CancellationToken);

        AssertIsRenderedPng(Path.Combine(ReportFolder, "widths.png"));
        Assert.All(TimePlotFiles, file => Assert.False(File.Exists(Path.Combine(ReportFolder, file)), $"{file} was written"));

        var report = await File.ReadAllTextAsync(reportPath, TestContext.Current.CancellationToken);
        Assert.Contains("The scratch method records no per-layer measurements", report, StringComparison.Ordinal);
        Assert.Contains("| text->image R@1 | 0.5123 | 0.4711 | 0.9196 |", report, StringComparison.Ordinal);
        Assert.Contains("](widths.png)", report, StringComparison.Ordinal);
        Assert.All(TimePlotFiles, file => Assert.DoesNotContain(file, report, StringComparison.Ordinal));
    }

    private static void AssertIsRenderedPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(PngSignature, bytes[..PngSignature.Length]);

        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.True(bitmap.Width > 0 && bitmap.Height > 0, $"{path} is {bitmap.Width}x{bitmap.Height}");
        // A blank canvas would pass the checks above; a drawn plot has axes, text and data in many colours.
        Assert.True(bitmap.Pixels.Distinct().Count() > 10, $"{path} looks blank");
    }

    private static CompressionHistory History(string method, IReadOnlyList<HistoryPoint> points) => new(
        "text",
        method,
        "4x",
        points,
        [new LayerWidth("encoder.blocks.0.attn", 768, 384), new LayerWidth("encoder.blocks.0.mlp", 1024, 256)],
        [new MetricRow("text->image R@1", 0.5123, 0.4711, 0.9196), new MetricRow("parameters", 12_345_678, 3_086_420, 0.25)]);

    private static HistoryPoint[] PointsOf(int steps) =>
    [
        .. Enumerable.Range(0, steps).Select(step => new HistoryPoint(
            step * 100,
            (double)step / (steps - 1),
            TaskLoss: 2.0 / (step + 1),
            DistillationLoss: 1.0 / (step + 1),
            [
                new LayerSnapshot("encoder.blocks.0.attn", Distillability: 0.5 - (0.2 * step), Sparsability: 0.1 * step,
                    Alpha: 1.0 - (0.1 * step), Beta: 0.5, Share: 1.2, KeptGroups: 768 - (96 * step), Groups: 768),
                new LayerSnapshot("encoder.blocks.0.mlp", Distillability: 0.3, Sparsability: 0.15 * step,
                    Alpha: 1.0, Beta: 0.5 + (0.1 * step), Share: 0.8, KeptGroups: 1024 - (192 * step), Groups: 1024),
            ],
            PriceMultiplier: 0.2 * step)),
    ];
}
