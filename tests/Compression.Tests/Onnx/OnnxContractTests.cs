using Baize.Compression.Architectures;
using Baize.Compression.Onnx;
using Baize.Compression.Onnx.Proto;
using Baize.Compression.Tests.Architectures;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace Baize.Compression.Tests.Onnx;

public sealed class OnnxContractTests
{
    [Fact]
    public void Exported_encoders_declare_the_serving_contract()
    {
        using var text = new TextEncoder(TestConfigs.Text(TestConfigs.Irregular));
        using var image = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));
        using var audio = new ConvolutionalEncoder(TestConfigs.Audio(TestConfigs.Irregular));
        using var video = new VideoEncoder(TestConfigs.Video(TestConfigs.Irregular));

        AssertInputs(
            OnnxExporter.Export(text),
            (EncoderContract.TextTokenInput, TensorElementType.Int64, [-1, 32]),
            (EncoderContract.TextMaskInput, TensorElementType.Int64, [-1, 32]));
        AssertInputs(OnnxExporter.Export(image), (EncoderContract.ImageInput, TensorElementType.Float, [-1, 3, 64, 64]));
        AssertInputs(OnnxExporter.Export(audio), (EncoderContract.AudioInput, TensorElementType.Float, [-1, 1, 64, 300]));
        AssertInputs(OnnxExporter.Export(video), (EncoderContract.VideoInput, TensorElementType.Float, [-1, 8, 3, 64, 64]));
    }

    [Fact]
    public void Exported_model_is_ir_8_with_the_default_opset_17_and_carries_metadata()
    {
        using var image = new ConvolutionalEncoder(TestConfigs.Image(TestConfigs.Irregular));

        var model = ModelProto.Parser.ParseFrom(OnnxExporter.Export(image, new Dictionary<string, string> { ["lineage"] = "teacher" }));

        Assert.Equal(8, model.IrVersion);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal((string.Empty, 17L), (opset.Domain, opset.Version));
        var entry = Assert.Single(model.MetadataProps);
        Assert.Equal(("lineage", "teacher"), (entry.Key, entry.Value));
    }

    [Fact]
    public void Onnx_weights_are_exactly_the_state_dict_entries()
    {
        using var video = new VideoEncoder(TestConfigs.Video(TestConfigs.Irregular));

        var model = ModelProto.Parser.ParseFrom(OnnxExporter.Export(video));

        var weights = model.Graph.Initializer.Select(tensor => tensor.Name).Where(name => !name.StartsWith("constant_", StringComparison.Ordinal));
        var stateDict = video.named_parameters().Select(entry => entry.name)
            .Concat(video.named_buffers().Where(entry => entry.buffer.dtype == ScalarType.Float32).Select(entry => entry.name));
        Assert.Equal(stateDict.Order(), weights.Order());
    }

    [Fact]
    public void Exported_batch_dimension_is_dynamic()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        torch.manual_seed(22);
        using var encoder = new ConvolutionalEncoder(TestConfigs.Audio(TestConfigs.Irregular));
        encoder.eval();
        var model = OnnxExporter.Export(encoder);

        foreach (var batch in new[] { 1, 5 })
        {
            var logMel = torch.randn(batch, 1, 64, 300);
            var embeddings = OnnxParity.Run(model, (EncoderContract.AudioInput, logMel));
            Assert.Equal(batch * EncoderContract.EmbeddingDimension, embeddings.Length);
        }
    }

    private static void AssertInputs(byte[] model, params (string Name, TensorElementType Type, int[] Shape)[] expected)
    {
        using var session = new InferenceSession(model);
        Assert.Equal(expected.Select(input => input.Name), session.InputNames);
        foreach (var (name, type, shape) in expected)
        {
            var metadata = session.InputMetadata[name];
            Assert.Equal(type, metadata.ElementDataType);
            Assert.Equal(shape, metadata.Dimensions);
            Assert.Equal(OnnxGraphBuilder.BatchDimension, metadata.SymbolicDimensions[0]);
        }

        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal(EncoderContract.EmbeddingOutput, output.Key);
        Assert.Equal([-1, EncoderContract.EmbeddingDimension], output.Value.Dimensions);
        Assert.Equal(OnnxGraphBuilder.BatchDimension, output.Value.SymbolicDimensions[0]);
    }
}
