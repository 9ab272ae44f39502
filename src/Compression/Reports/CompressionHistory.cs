namespace Baize.Compression.Reports;

/// <summary>Everything a compression run records over time and at its end: the input of its report.</summary>
/// <param name="Modality">"text", "image", "audio" or "video" (or "classifier" for the Fashion-MNIST check).</param>
/// <param name="Method">"dean", "joint", "prune", "kd" or "scratch".</param>
/// <param name="Target">The budget as the operator gave it, e.g. "4x".</param>
/// <param name="Points">Per-layer measurements, in step order; empty for methods that measure nothing per layer.</param>
/// <param name="Widths">Final width of every prunable layer against the teacher's.</param>
/// <param name="Metrics">The metric table: teacher, student and their ratio per metric.</param>
public sealed record CompressionHistory(
    string Modality,
    string Method,
    string Target,
    IReadOnlyList<HistoryPoint> Points,
    IReadOnlyList<LayerWidth> Widths,
    IReadOnlyList<MetricRow> Metrics);

/// <summary>The state of every prunable layer at one step.</summary>
/// <param name="Step">Optimiser steps done.</param>
/// <param name="Progress">Steps done over the run's total, in [0, 1].</param>
/// <param name="PriceMultiplier">μ of the dean's dual price at this step; zero without a dean.</param>
public sealed record HistoryPoint(int Step, double Progress, double TaskLoss, double DistillationLoss, IReadOnlyList<LayerSnapshot> Layers, double PriceMultiplier = 0);

/// <param name="Distillability">cos(∇L_distill, ∇L_task) over the layer's producers, in [-1, 1].</param>
/// <param name="Sparsability">The largest fraction of the layer's groups removable at bounded task loss, in [0, 1].</param>
/// <param name="Alpha">The distillation weight the dean (or the fixed schedule) gave the layer.</param>
/// <param name="Beta">The sparsity weight: scales the layer's ADMM penalty.</param>
/// <param name="Share">The layer's share of the pruning budget: a layer of share 2 gives up twice the fraction of one of share 1.</param>
/// <param name="KeptGroups">The groups the layer may keep under the current budget allocation.</param>
public sealed record LayerSnapshot(string Layer, double Distillability, double Sparsability, double Alpha, double Beta, double Share, int KeptGroups, int Groups);

public sealed record LayerWidth(string Layer, int TeacherGroups, int StudentGroups);

/// <param name="Name">For example "text->image R@1", "parameters", "throughput (items/s, batch 32)".</param>
/// <param name="Ratio">Student over teacher.</param>
public sealed record MetricRow(string Name, double Teacher, double Student, double Ratio);
