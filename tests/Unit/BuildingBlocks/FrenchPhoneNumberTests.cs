using BonSecours.BuildingBlocks.Domain;
using Xunit;

namespace BonSecours.Tests.Unit.BuildingBlocks;

public sealed class FrenchPhoneNumberTests
{
    [Theory]
    [InlineData("06 12 34 56 78")]
    [InlineData("06.12.34.56.78")]
    [InlineData("0612345678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+33 (0)6 12 34 56 78")]
    [InlineData("0033612345678")]
    public void Written_forms_give_E164(string text)
    {
        Assert.True(FrenchPhoneNumber.TryNormalize(text, out var e164));
        Assert.Equal("+33612345678", e164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("06 12 34")]
    [InlineData("not a number")]
    [InlineData("00 00 00 00 00")]
    public void Invalid_numbers_are_rejected(string? text)
    {
        Assert.False(FrenchPhoneNumber.TryNormalize(text, out var e164));
        Assert.Equal(string.Empty, e164);
    }

    [Fact]
    public void Display_is_national_for_France()
    {
        Assert.Equal("06 12 34 56 78", FrenchPhoneNumber.Display("+33612345678"));
    }

    [Fact]
    public void Display_is_international_abroad()
    {
        Assert.True(FrenchPhoneNumber.TryNormalize("+32 470 12 34 56", out var belgian));

        Assert.StartsWith("+32", FrenchPhoneNumber.Display(belgian));
    }
}
