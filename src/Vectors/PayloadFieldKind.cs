namespace Baize.Vectors;

public enum PayloadFieldKind
{
    Keyword,
    Integer,
    Float,
    Bool,
}
