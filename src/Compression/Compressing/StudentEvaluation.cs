using Baize.Compression.Architectures;
using Baize.Compression.Training;
using Baize.Corpus.Evaluation;
using Baize.Embedding;
using Baize.Embedding.Manifests;
using static TorchSharp.torch;

namespace Baize.Compression.Compressing;

/// <summary>
/// A student against its teacher on the test split: every retrieval pair involving the student's modality, once
/// with the teacher and once with the student in its place (the other modalities stay with their teachers), and the
/// compatibility case: the student's queries against an index of the same modality that the teacher built.
/// </summary>
/// <param name="Pairs">Per pair, the teacher's and the student's metrics.</param>
/// <param name="Compatibility">Student queries against the teacher's gallery of the same modality.</param>
/// <param name="TeacherSameModality">The teacher's own queries against that gallery: what compatibility is compared with.</param>
public sealed record StudentEvaluation(
    IReadOnlyList<(PairMetrics Teacher, PairMetrics Student)> Pairs,
    RetrievalMetrics Compatibility,
    RetrievalMetrics TeacherSameModality)
{
    /// <summary>Mean student Recall@1 over the pairs as a fraction of the teacher's mean.</summary>
    public double RecallAt1Retention => Pairs.Average(p => p.Student.Metrics.RecallAt1) / Pairs.Average(p => p.Teacher.Metrics.RecallAt1);

    public double RecallAt10Retention => Pairs.Average(p => p.Student.Metrics.RecallAt10) / Pairs.Average(p => p.Teacher.Metrics.RecallAt10);

    public double CompatibilityRetention => Compatibility.RecallAt1 / TeacherSameModality.RecallAt1;

    public static StudentEvaluation Run(CompressionData data, Modality modality, IEncoder student)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(student);
        var set = SplitEmbedder.EvaluationSetOf(data.Test);
        var teacher = Enum.GetValues<Modality>().ToDictionary(m => m, m => (IReadOnlyList<float[]>)SplitEmbedder.ToRows(data.TeacherEmbeddings(data.Test, m)));
        var studentRows = SplitEmbedder.Embed(new Dictionary<Modality, IEncoder> { [modality] = student }, data.Test, CPU)[modality];
        var withStudent = new Dictionary<Modality, IReadOnlyList<float[]>>(teacher) { [modality] = studentRows };
        var pairs = EvaluationSet.AllPairs.Where(p => p.Query == modality || p.Gallery == modality).ToList();
        var teacherMetrics = set.Evaluate(teacher, pairs);
        var studentMetrics = set.Evaluate(withStudent, pairs);
        var compatibility = set.EvaluateAcrossVersions(modality, studentRows, teacher[modality]);
        var teacherSame = teacherMetrics.Single(p => p.Query == modality && p.Gallery == modality).Metrics;
        return new StudentEvaluation([.. teacherMetrics.Zip(studentMetrics)], compatibility, teacherSame);
    }

    /// <summary>Test metrics for the student's manifest: Recall@1 and @10 per pair, the retentions and compatibility.</summary>
    public Dictionary<string, double> ManifestMetrics()
    {
        var metrics = new Dictionary<string, double>();
        foreach (var (_, student) in Pairs)
        {
            var pair = $"{ManifestJson.ModalityName(student.Query)}_to_{ManifestJson.ModalityName(student.Gallery)}";
            metrics[$"test_recall_at_1_{pair}"] = student.Metrics.RecallAt1;
            metrics[$"test_recall_at_10_{pair}"] = student.Metrics.RecallAt10;
        }

        // A teacher that never retrieves a relevant item at rank 1 leaves the ratios undefined; manifests hold numbers only.
        foreach (var (name, value) in new[] { ("recall_at_1_retention", RecallAt1Retention), ("recall_at_10_retention", RecallAt10Retention), ("compatibility_recall_at_1_retention", CompatibilityRetention) })
        {
            if (double.IsFinite(value))
            {
                metrics[name] = value;
            }
        }

        return metrics;
    }
}
