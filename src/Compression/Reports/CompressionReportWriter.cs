using System.Globalization;
using System.Text;
using ScottPlot;

namespace Baize.Compression.Reports;

/// <summary>Writes the report of a compression run: report.md and the PNG plots it links to, side by side in one folder.</summary>
public static class CompressionReportWriter
{
    private const int ImageWidth = 900;
    private const int ImageHeight = 500;
    private const string WidthsFileName = "widths.png";
    private const string WidthsTitle = "Final width per layer";
    private const string PriceFileName = "dean-price.png";
    private const string PriceTitle = "Price of the other measure (μ)";

    private static readonly TimePlot[] TimePlots =
    [
        new("distillability.png", "Distillability", layer => layer.Distillability,
            "Each line is one layer's cos(∇L_distill, ∇L_task): above zero, distilling the layer also helps the task; "
            + "a layer whose distillability stays negative fights the task loss, so the dean should lower its alpha."),
        new("sparsability.png", "Sparsability", layer => layer.Sparsability,
            "Each line is the largest fraction of one layer's groups removable at bounded task loss: "
            + "layers that stay high are where the pruning budget should go, layers near zero should keep their width."),
        new("dean-alpha.png", "Alpha (distillation weight)", layer => layer.Alpha,
            "Each line is the distillation weight one layer received: it should rise where distillability is positive "
            + "and fall where it stays negative."),
        new("dean-beta.png", "Beta (sparsity weight)", layer => layer.Beta,
            "Each line is the sparsity weight one layer received: it scales the layer's ADMM penalty, how hard its weights "
            + "are pulled onto the groups it keeps."),
        new("dean-share.png", "Share of the pruning", layer => layer.Share,
            "Each line is one layer's share of the pruning budget: above 1 the layer gives up more than the average fraction "
            + "of its groups. The dean raises it where the layer's last kept groups matter least on held-out data per "
            + "unit of what they cost (the budget's measure, plus the other measure at a price that rises while the "
            + "student spends a larger fraction of it than the budget allows), so it should follow the layer's sparsability."),
    ];

    /// <summary>Creates <paramref name="folder"/> and writes the report into it.</summary>
    /// <returns>The path of report.md.</returns>
    public static async Task<string> WriteAsync(CompressionHistory history, string folder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        Directory.CreateDirectory(folder);

        var markdown = new StringBuilder();
        markdown.AppendLine($"# Compression report: {history.Modality}, {history.Method}, target {history.Target}");
        AppendMetricTable(markdown, history.Metrics);
        AppendWidthTable(markdown, history.Widths);

        markdown.AppendLine().AppendLine("## Plots").AppendLine();
        if (history.Points.Count == 0)
        {
            markdown.AppendLine($"The {history.Method} method records no per-layer measurements, "
                + "so the plots over time (distillability, sparsability, alpha, beta, share, price) are left out.").AppendLine();
        }
        else
        {
            foreach (var timePlot in TimePlots)
            {
                using var plot = PlotOverTime(history.Points, timePlot);
                await SavePngAsync(plot, Path.Combine(folder, timePlot.FileName), cancellationToken);
                AppendImage(markdown, timePlot.Title, timePlot.FileName, timePlot.HowToRead);
            }

            using var pricePlot = PlotPrice(history.Points);
            await SavePngAsync(pricePlot, Path.Combine(folder, PriceFileName), cancellationToken);
            AppendImage(markdown, PriceTitle, PriceFileName,
                "The line is μ, the price at which the dean counts the measure the budget leaves out (MACs under a parameter "
                + "budget, parameters under a FLOPs budget) beside the budget's own: dual ascent raises it while the student "
                + "spends a larger fraction of that measure than the budget's fraction and lowers it towards zero otherwise. "
                + "A μ that keeps rising pushes the pruning into the layers heavy in the other measure; the joint method has "
                + "no dean, and its μ stays zero.");
        }

        using var widthsPlot = PlotWidths(history.Widths);
        await SavePngAsync(widthsPlot, Path.Combine(folder, WidthsFileName), cancellationToken);
        AppendImage(markdown, WidthsTitle, WidthsFileName,
            "Each pair of bars is one layer's width in groups, teacher beside student: the gap is what pruning removed, "
            + "and a layer cut much deeper than its neighbours is the first suspect when a metric drops.");

        var reportPath = Path.Combine(folder, "report.md");
        await File.WriteAllTextAsync(reportPath, markdown.ToString(), cancellationToken);
        return reportPath;
    }

    private static void AppendMetricTable(StringBuilder markdown, IReadOnlyList<MetricRow> metrics)
    {
        markdown.AppendLine().AppendLine("## Metrics").AppendLine();
        markdown.AppendLine("| Name | Teacher | Student | Ratio |").AppendLine("|---|---:|---:|---:|");
        foreach (var metric in metrics)
        {
            markdown.AppendLine($"| {metric.Name} | {Format(metric.Teacher)} | {Format(metric.Student)} | {Format(metric.Ratio)} |");
        }
    }

    private static void AppendWidthTable(StringBuilder markdown, IReadOnlyList<LayerWidth> widths)
    {
        markdown.AppendLine().AppendLine("## Layer widths (groups)").AppendLine();
        markdown.AppendLine("| Layer | Teacher | Student | Kept |").AppendLine("|---|---:|---:|---:|");
        foreach (var width in widths)
        {
            var kept = (double)width.StudentGroups / width.TeacherGroups;
            markdown.AppendLine(
                $"| {width.Layer} | {Format(width.TeacherGroups)} | {Format(width.StudentGroups)} | {Format(kept)} |");
        }
    }

    private static void AppendImage(StringBuilder markdown, string title, string fileName, string howToRead) =>
        markdown.AppendLine($"![{title}]({fileName})").AppendLine().AppendLine(howToRead).AppendLine();

    private static string Format(double value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static Plot PlotOverTime(IReadOnlyList<HistoryPoint> points, TimePlot timePlot)
    {
        var layers = points.SelectMany(point => point.Layers).Select(snapshot => snapshot.Layer).Distinct();
        var lines = layers.Select(layer => (layer, (from point in points
                                                    from snapshot in point.Layers
                                                    where snapshot.Layer == layer
                                                    select (point.Progress, timePlot.Value(snapshot))).ToArray()));
        return PlotLines(timePlot.Title, timePlot.Quantity, lines);
    }

    private static Plot PlotPrice(IReadOnlyList<HistoryPoint> points) =>
        PlotLines(PriceTitle, "μ", [("μ", [.. points.Select(point => (point.Progress, point.PriceMultiplier))])]);

    private static Plot PlotLines(string title, string quantity, IEnumerable<(string Label, (double Progress, double Value)[] Points)> lines)
    {
        var plot = new Plot();
        // Category20 so that up to twenty layers get twenty distinct colours instead of cycling through ten.
        plot.Add.Palette = new ScottPlot.Palettes.Category20();
        // Distillability's sign is what matters; the other values read best against their floor of zero.
        plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        foreach (var (label, measured) in lines)
        {
            var line = plot.Add.ScatterLine(measured.Select(m => m.Progress).ToArray(), measured.Select(m => m.Value).ToArray());
            line.LegendText = label;
        }

        plot.Title(title);
        plot.XLabel("progress (steps done / total)");
        plot.YLabel(quantity);
        // Outside the data area: with up to twenty layers an inner legend would hide the lines it explains.
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 10;
        return plot;
    }

    private static Plot PlotWidths(IReadOnlyList<LayerWidth> widths)
    {
        var plot = new Plot();
        const double BarSize = 0.4;
        var teacher = plot.Add.Bars(widths.Select((_, index) => index - BarSize / 2), widths.Select(width => (double)width.TeacherGroups));
        var student = plot.Add.Bars(widths.Select((_, index) => index + BarSize / 2), widths.Select(width => (double)width.StudentGroups));
        foreach (var bar in teacher.Bars.Concat(student.Bars))
        {
            bar.Size = BarSize;
        }

        teacher.LegendText = "teacher";
        student.LegendText = "student";

        var layerNames = widths.Select(width => width.Layer).ToArray();
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, layerNames.Length).Select(index => (double)index).ToArray(), layerNames);
        // Layer names are long ("encoder.blocks.3.mlp"); rotated, twenty of them fit under 900 pixels.
        var tickLabels = plot.Axes.Bottom.TickLabelStyle;
        tickLabels.Rotation = 45;
        tickLabels.Alignment = Alignment.MiddleLeft;
        tickLabels.FontSize = 10;
        // ScottPlot sizes the axis for upright labels and would clip rotated ones: a label at 45° reaches down by its width
        // over √2, plus room for the tick marks.
        using var paint = Paint.NewDisposablePaint();
        var (_, widest) = tickLabels.MeasureWidestString(layerNames, paint);
        plot.Axes.Bottom.MinimumSize = (widest.Length / MathF.Sqrt(2)) + 15;
        plot.Axes.Margins(bottom: 0);

        plot.Title(WidthsTitle);
        plot.YLabel("groups");
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static Task SavePngAsync(Plot plot, string path, CancellationToken cancellationToken) =>
        File.WriteAllBytesAsync(path, plot.GetImageBytes(ImageWidth, ImageHeight, ImageFormat.Png), cancellationToken);

    /// <summary>One per-layer quantity plotted over the run's progress.</summary>
    /// <param name="HowToRead">The sentence under the image in report.md.</param>
    private sealed record TimePlot(string FileName, string Quantity, Func<LayerSnapshot, double> Value, string HowToRead)
    {
        public string Title => $"{Quantity} per layer";
    }
}
