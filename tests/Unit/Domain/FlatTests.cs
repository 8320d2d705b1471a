using BonSecours.Modules.Residents.Domain;
using Xunit;

namespace BonSecours.Tests.Unit.Domain;

public sealed class FlatTests
{
    private static readonly Guid FlatId = Flat.IdFor("residence-a", "A12");

    private static FlatRegistered Registered => new(FlatId, "A12", 1, 2, 45.5m, true);

    [Fact]
    public void Same_details_give_no_event()
    {
        var flat = Given.Events<Flat>(Registered);

        Assert.Empty(flat.ChangeDetails(1, 2, 45.5m, true));
    }

    [Fact]
    public void New_details_give_one_event()
    {
        var flat = Given.Events<Flat>(Registered);

        var events = flat.ChangeDetails(2, 3, null, false);

        Assert.Equal([new FlatDetailsChanged(FlatId, 2, 3, null, false)], events);
    }

    [Fact]
    public void Details_compare_with_latest_change()
    {
        var flat = Given.Events<Flat>(Registered, new FlatDetailsChanged(FlatId, 2, 3, null, false));

        Assert.Empty(flat.ChangeDetails(2, 3, null, false));
        Assert.Single(flat.ChangeDetails(1, 2, 45.5m, true));
    }

    [Theory]
    [InlineData("a12")]
    [InlineData(" A12 ")]
    [InlineData("A12")]
    public void Id_ignores_case_and_spaces(string number)
    {
        Assert.Equal(FlatId, Flat.IdFor("residence-a", number));
    }

    [Fact]
    public void Id_differs_per_residence()
    {
        Assert.NotEqual(FlatId, Flat.IdFor("residence-b", "A12"));
    }
}
