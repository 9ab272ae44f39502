using Baize.Compression.Architectures;
using Baize.Compression.Compressing;
using Baize.Compression.Distillation;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Classification;

/// <summary>
/// A classifier student: cross-entropy on the labels, distilling the teacher's logits (Hinton's KD, temperature
/// <see cref="Temperature"/>), the teacher's logits of the training images computed once.
/// </summary>
internal sealed class ClassificationTask(FashionMnistSplits data, Tensor teacherTrainLogits) : IStudentTask
{
    public const double Temperature = 4;

    public IReadOnlyList<Parameter> Parameters { get; } = [];

    public long Count(TaskSplit split) => Split(split).Count;

    public Tensor Forward(IEncoder model, TaskSplit split, Tensor rows)
    {
        return ((Classifier)model).forward(Split(split).Images.index_select(0, rows));
    }

    public Tensor TaskLoss(Tensor outputs, TaskSplit split, Tensor rows)
    {
        using var scope = NewDisposeScope();
        return nn.functional.cross_entropy(outputs, Split(split).Labels.index_select(0, rows)).MoveToOuterDisposeScope();
    }

    public Tensor Distillation(Tensor outputs, Tensor rows)
    {
        using var scope = NewDisposeScope();
        return DistillationLosses.Logits(outputs, teacherTrainLogits.index_select(0, rows), Temperature).MoveToOuterDisposeScope();
    }

    public void AfterStep()
    {
    }

    /// <summary>The teacher's logits belong to the caller, who keeps them for every phase.</summary>
    public void Dispose()
    {
    }

    private LabelledImages Split(TaskSplit split) => split == TaskSplit.Train ? data.Train : data.Validation;
}
