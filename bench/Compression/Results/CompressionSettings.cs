using Baize.Encoders.Results;

namespace Baize.CompressionBench.Results;

/// <summary>The knobs a run used, so two reports can be checked for comparability.</summary>
/// <param name="Targets">Parameter ratios: 4 means a student with at most a quarter of the teacher's parameters.</param>
/// <param name="Steps">Optimiser steps per run, the same for every method.</param>
/// <param name="AudioSteps">Optimiser steps per audio run, in place of <paramref name="Steps"/>.</param>
/// <param name="Seeds">Every (modality, target, method) ran once per seed.</param>
/// <param name="VideoBatch">Items per step for video, in place of <paramref name="Batch"/>.</param>
/// <param name="TeacherModels">The models tree whose active versions are the teachers.</param>
/// <param name="StudentModels">The models tree Compressor read the linked teachers from and wrote the students to.</param>
/// <param name="Serving">How the teachers and students were timed, as in bench/results/encoders.json.</param>
public sealed record CompressionSettings(
    IReadOnlyList<string> Modalities,
    IReadOnlyList<int> Targets,
    IReadOnlyList<string> Methods,
    int Steps,
    int AudioSteps,
    IReadOnlyList<int> Seeds,
    int Batch,
    int VideoBatch,
    string Corpus,
    string TeacherModels,
    string StudentModels,
    string Work,
    string Features,
    BenchmarkSettings Serving);
