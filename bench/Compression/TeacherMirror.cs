using Baize.Embedding;
using Baize.Embedding.Manifests;
using Baize.Embedding.Models;

namespace Baize.CompressionBench;

/// <summary>
/// Makes the active teachers of one models tree the active teachers of another. Compressor reads its teachers from
/// the same models folder it writes its students into, and the benchmark's students must not land in the
/// repository's models/. So each active teacher's version folder is linked into the students' tree under the same
/// name, and that tree's active.json points at it: Compressor then reads byte-identical teachers without a copy.
/// </summary>
public static class TeacherMirror
{
    /// <summary>Links and activates every modality's teacher; returns them as loaded from <paramref name="studentModels"/>.</summary>
    /// <exception cref="InvalidOperationException">A modality has no active teacher, or a real folder stands where a link goes.</exception>
    /// <exception cref="ModelValidationException">A teacher folder or active pointer is invalid.</exception>
    public static IReadOnlyDictionary<Modality, ModelFolder> Provide(string teacherModels, string studentModels, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var source = new ModelDirectory(teacherModels);
        var target = new ModelDirectory(studentModels);
        var teachers = new Dictionary<Modality, ModelFolder>();

        // Every student is trained against the embeddings of all four teachers, so all four are needed whichever modalities are compressed.
        foreach (var modality in Enum.GetValues<Modality>())
        {
            var teacher = source.LoadActive(modality) ?? throw new InvalidOperationException(
                $"{source.ModalityPath(modality)} has no {ModelDirectory.ActivePointerFileName}; compression needs an active teacher for every modality.");
            Link(target.VersionPath(modality, teacher.Version), teacher.Path);
            teachers[modality] = target.SetActive(modality, teacher.Version);
            log.WriteLine($"{ManifestJson.ModalityName(modality)}: teacher {teacher.Version}, linked to {teacher.Path}");
        }

        return teachers;
    }

    private static void Link(string link, string teacherFolder)
    {
        var existing = new DirectoryInfo(link);
        if (existing.LinkTarget is { } current)
        {
            if (Path.GetFullPath(current, Path.GetDirectoryName(link)!) == teacherFolder)
            {
                return;
            }

            // An earlier run linked another folder (the source tree moved). File.Delete unlinks the link itself, never its target.
            File.Delete(link);
        }
        else if (existing.Exists)
        {
            throw new InvalidOperationException($"{link} is a folder, not a link to the teacher {teacherFolder}; move it away so the teacher can be linked there.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Directory.CreateSymbolicLink(link, teacherFolder);
    }
}
