using System.Globalization;
using System.Text;
using Baize.BenchSupport;
using Baize.ClassifierBench.Results;

namespace Baize.ClassifierBench.Reporting;

/// <summary>The paper's kind of table: per FLOPs target and method, test accuracy and its change, FLOPs and parameters kept.</summary>
public static class MarkdownReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(ClassifierReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Settings;
        var t = report.Teacher;
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"{s.Architecture} on Fashion-MNIST: trained on {s.TrainItems:N0} images for {s.TeacherEpochs} epochs, {s.ValidationItems:N0} held out, tested on {s.TestItems:N0}. ");
        text.AppendLine(Invariant, $"Teacher: {t.Params:N0} parameters, {t.Macs:N0} MACs per image, test accuracy {t.Accuracy:P2}. ");
        text.AppendLine(Invariant, $"Every compression run: {s.Steps} steps at batch {s.Batch}, the same for every method.");
        var table = new MarkdownTable()
            .Left("FLOPs target").Left("Method").Right("Accuracy").Right("Δ accuracy (points)").Right("FLOPs kept").Right("Params kept").Right("MACs").Right("Params").Right("Wall (s)");
        foreach (var r in report.Runs)
        {
            table.Row(
                $"{r.FlopsTarget:P0}",
                $"{r.Method}",
                $"{r.Accuracy:P2}",
                $"{r.AccuracyDelta * 100:+0.00;-0.00;0.00}",
                $"{r.MacsRatio:P1}",
                $"{r.ParamsRatio:P1}",
                $"{r.Macs:N0}",
                $"{r.Params:N0}",
                $"{r.WallS:0}");
        }

        text.AppendLine().Append(table);
        return text.ToString();
    }
}
