using BonSecours.BuildingBlocks.Domain;
using Xunit;

namespace BonSecours.Tests.Unit.BuildingBlocks;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Lefèvre", "lefevre")]
    [InlineData("LEFÈVRE", "lefevre")]
    [InlineData("He\u0301le\u0300ne", "helene")]
    [InlineData("Hélène", "helene")]
    [InlineData("D’Hondt", "d'hondt")]
    [InlineData("D\u02BCHondt", "d'hondt")]
    [InlineData("Jean-Étienne", "jean-etienne")]
    [InlineData("  Zoé  ", "zoe")]
    [InlineData("Çağla", "cagla")]
    public void Key_ignores_case_and_accents(string name, string expected)
    {
        Assert.Equal(expected, PersonName.Key(name));
    }

    [Fact]
    public void Normalize_composes_accents()
    {
        var normalized = PersonName.Normalize(" He\u0301le\u0300ne ");

        Assert.Equal("Hélène", normalized);
        Assert.Equal(6, normalized.Length);
    }

    [Fact]
    public void Normalize_keeps_apostrophes_and_hyphens()
    {
        Assert.Equal("D’Hondt-Lefèvre", PersonName.Normalize("D’Hondt-Lefèvre"));
    }
}
