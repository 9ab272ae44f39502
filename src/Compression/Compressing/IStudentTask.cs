using Baize.Compression.Architectures;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>
/// What a student is trained for, apart from how it is compressed: its training and held-out items, the task loss,
/// and the output distillation against its frozen teacher. Retrieval (an encoder against the other modalities'
/// teachers) and classification (Fashion-MNIST) are the two. Each training phase has a task of its own.
/// </summary>
internal interface IStudentTask : IDisposable
{
    /// <summary>Trained beside the student and saved with its checkpoints (retrieval: the contrastive temperature).</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    long Count(TaskSplit split);

    /// <summary>The model's outputs for items <paramref name="rows"/> (int64, CPU) of <paramref name="split"/>.</summary>
    Tensor Forward(IEncoder model, TaskSplit split, Tensor rows);

    Tensor TaskLoss(Tensor outputs, TaskSplit split, Tensor rows);

    /// <summary>The output distillation loss of the student's outputs for training items <paramref name="rows"/>, against the teacher's.</summary>
    Tensor Distillation(Tensor outputs, Tensor rows);

    /// <summary>Called after every optimiser step (to keep <see cref="Parameters"/> in range).</summary>
    void AfterStep();
}
