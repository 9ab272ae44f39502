using Baize.Compression.Architectures;
using Baize.Compression.Distillation;
using Baize.Compression.Training;
using Baize.Embedding;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>
/// An encoder student: its modality's items against the frozen teachers' anchor embeddings (symmetric InfoNCE with a
/// learned temperature), distilling the teacher's own embeddings of the same items (embedding + relational).
/// </summary>
internal sealed class RetrievalTask : IStudentTask
{
    private readonly ModalityInputs _train;
    private readonly ModalityInputs _validation;
    private readonly Tensor _trainAnchors;
    private readonly Tensor _validationAnchors;
    private readonly Tensor _teacherEmbeddings;
    private readonly Parameter _logitScale;

    public RetrievalTask(CompressionData data, Modality modality)
    {
        ArgumentNullException.ThrowIfNull(data);
        _train = new ModalityInputs(data.Train, modality);
        _validation = new ModalityInputs(data.Validation, modality);
        _trainAnchors = data.Anchors(data.Train, modality);
        _validationAnchors = data.Anchors(data.Validation, modality);
        _teacherEmbeddings = data.TeacherEmbeddings(data.Train, modality);

        // The student learns its own temperature in every phase: the teacher's is not recorded in its folder.
        _logitScale = new Parameter(torch.tensor((float)EncoderSet.InitialLogitScale));
        Parameters = [_logitScale];
    }

    public IReadOnlyList<Parameter> Parameters { get; }

    public long Count(TaskSplit split) => Inputs(split).Count;

    public Tensor Forward(IEncoder model, TaskSplit split, Tensor rows) => Inputs(split).Forward(model, rows, CPU);

    /// <summary>Symmetric InfoNCE against each anchor modality, averaged.</summary>
    public Tensor TaskLoss(Tensor outputs, TaskSplit split, Tensor rows)
    {
        using var scope = NewDisposeScope();
        var anchors = (split == TaskSplit.Train ? _trainAnchors : _validationAnchors).index_select(0, rows);
        var losses = Enumerable.Range(0, (int)anchors.shape[1]).Select(a => ContrastiveLoss.SymmetricInfoNce(outputs, anchors.select(1, a), _logitScale));
        return torch.stack([.. losses]).mean().MoveToOuterDisposeScope();
    }

    public Tensor Distillation(Tensor outputs, Tensor rows)
    {
        using var scope = NewDisposeScope();
        var teacher = _teacherEmbeddings.index_select(0, rows);
        var scale = Math.Exp(_logitScale.item<float>());
        return (DistillationLosses.Embedding(outputs, teacher) + DistillationLosses.Relational(outputs, teacher, scale)).MoveToOuterDisposeScope();
    }

    public void AfterStep()
    {
        using (no_grad())
        {
            _logitScale.clamp_(0, EncoderSet.MaxLogitScale);
        }
    }

    public void Dispose()
    {
        _trainAnchors.Dispose();
        _validationAnchors.Dispose();
        _logitScale.Dispose();
    }

    private ModalityInputs Inputs(TaskSplit split) => split == TaskSplit.Train ? _train : _validation;
}
