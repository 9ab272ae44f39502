using Baize.Compression.Pruning;
using static TorchSharp.torch;

namespace Baize.Compression.Distillation;

/// <summary>The distillation terms of method.md: embedding, relational and per-layer hints.</summary>
public static class DistillationLosses
{
    /// <summary>Mean of 1 − cos(student, teacher) over the batch; both [B, d] unit vectors.</summary>
    public static Tensor Embedding(Tensor student, Tensor teacher)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        using var scope = NewDisposeScope();
        return (1 - (student * teacher).sum(1)).mean().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// KL(teacher ‖ student) between the in-batch similarity distributions (row-wise softmax of the scaled cosine
    /// matrices): the student should rank the batch's other items as the teacher does.
    /// </summary>
    public static Tensor Relational(Tensor student, Tensor teacher, double logitScale)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        using var scope = NewDisposeScope();
        var studentLog = (student.matmul(student.t()) * logitScale).log_softmax(1);
        var teacherLog = (teacher.matmul(teacher.t()) * logitScale).log_softmax(1);
        var divergence = nn.functional.kl_div(studentLog, teacherLog, reduction: nn.Reduction.Sum, log_target: true);
        return (divergence / student.shape[0]).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Hinton's knowledge distillation of classifier logits: T² · KL(softmax(teacher / T) ‖ softmax(student / T)),
    /// averaged over the batch (T² keeps its gradients on the scale of the hard-label loss).
    /// </summary>
    public static Tensor Logits(Tensor student, Tensor teacher, double temperature)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        using var scope = NewDisposeScope();
        var studentLog = (student / temperature).log_softmax(1);
        var teacherLog = (teacher / temperature).log_softmax(1);
        var divergence = nn.functional.kl_div(studentLog, teacherLog, reduction: nn.Reduction.Sum, log_target: true);
        return (divergence * temperature * temperature / student.shape[0]).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Mean squared difference of a layer's activations over its kept groups, relative to the teacher's mean square
    /// there, so that hints of layers with very different scales weigh alike.
    /// </summary>
    /// <param name="axis">The group axis of both activations (see <see cref="Layers.ActivationTap"/>).</param>
    /// <param name="keptMask">[G] 1 for groups the student keeps, 0 for groups being pruned (left out).</param>
    public static Tensor Hint(Tensor student, Tensor teacher, int axis, Tensor keptMask)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(keptMask);
        using var scope = NewDisposeScope();
        var difference = GroupProjection.Apply(student - teacher, axis, keptMask).square().sum();
        var reference = GroupProjection.Apply(teacher, axis, keptMask).square().sum().clamp_min(1e-8);
        return (difference / reference).MoveToOuterDisposeScope();
    }
}
