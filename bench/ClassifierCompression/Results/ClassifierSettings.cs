namespace Baize.ClassifierBench.Results;

/// <summary>The knobs a run used, so two reports can be checked for comparability.</summary>
/// <param name="Targets">FLOPs (MACs) fractions of the teacher: 0.5 means a student with at most half its MACs per image.</param>
/// <param name="Steps">Optimiser steps per compression run, the same for every method.</param>
public sealed record ClassifierSettings(
    string Architecture,
    int TrainItems,
    int ValidationItems,
    int TestItems,
    int TeacherEpochs,
    IReadOnlyList<double> Targets,
    IReadOnlyList<string> Methods,
    int Steps,
    int Batch,
    string Work);
