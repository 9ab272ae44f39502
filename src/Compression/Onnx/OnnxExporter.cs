using Baize.Compression.Onnx.Proto;
using Google.Protobuf;
using static TorchSharp.torch;

namespace Baize.Compression.Onnx;

/// <summary>Writes a TorchSharp model as an ONNX file (IR version 8, default-domain opset 17) for the serving side.</summary>
public static class OnnxExporter
{
    public const long IrVersion = 8;
    public const long OpsetVersion = 17;
    public const string ProducerName = "Baize.Compression";

    /// <summary>Serialises the model's inference-mode graph; the module's weights are read, its train/eval mode is left as is.</summary>
    /// <param name="model">The model to export; its parameters and buffers become the graph's initializers.</param>
    /// <param name="metadata">Optional key/value pairs stored as the model's metadata_props (for example lineage).</param>
    public static byte[] Export<TModel>(TModel model, IReadOnlyDictionary<string, string>? metadata = null)
        where TModel : nn.Module, IOnnxModel
    {
        ArgumentNullException.ThrowIfNull(model);
        return Serialize(model, model, metadata);
    }

    /// <summary>Writes an encoder known only by its interface (every encoder is a module).</summary>
    public static void Export(Architectures.IEncoder encoder, string path)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        File.WriteAllBytes(path, Serialize((nn.Module)encoder, encoder, null));
    }

    /// <summary>Writes the bytes of <see cref="Export{TModel}(TModel, IReadOnlyDictionary{string, string}?)"/> to <paramref name="path"/>.</summary>
    public static void Export<TModel>(TModel model, string path, IReadOnlyDictionary<string, string>? metadata = null)
        where TModel : nn.Module, IOnnxModel
    {
        File.WriteAllBytes(path, Export(model, metadata));
    }

    private static byte[] Serialize(nn.Module module, IOnnxModel model, IReadOnlyDictionary<string, string>? metadata)
    {
        using var noGrad = no_grad();
        var graph = new OnnxGraphBuilder(module, model.ArchitectureName);
        model.DefineOnnxGraph(graph);

        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = ProducerName,
            ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? string.Empty,
            Graph = graph.Graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = OpsetVersion });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return proto.ToByteArray();
    }
}
