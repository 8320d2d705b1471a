using BonSecours.BuildingBlocks.Domain;
using BonSecours.Modules.Residents.Domain;
using Bogus;

namespace BonSecours.Modules.Residents.Demo;

internal sealed record DemoFlat(string Number, int Floor, int Rooms, decimal AreaSquareMetres, bool StepFreeAccess);

internal sealed record DemoResident(string Username, string FirstName, string LastName, DateOnly BirthDate, ResidentCategory Category, string FlatNumber, string TenancyReference, string Phone);

/// <summary>
/// The îlot Bon Secours as a demo: 70 flats on five levels (ground floor to fourth), 40% of
/// them let to seniors or young adults with Down syndrome, the rest to families and other
/// tenants. Names come from Bogus's French locale with a fixed seed, so every start builds
/// the same people and the same ids.
/// </summary>
internal static class DemoPopulation
{
    public const int FlatsPerFloor = 14;
    public const int Floors = 5;

    public static IReadOnlyList<DemoFlat> Flats { get; } = BuildFlats();

    public static IReadOnlyList<DemoResident> Residents { get; } = BuildResidents();

    private static List<DemoFlat> BuildFlats()
    {
        var flats = new List<DemoFlat>();
        for (var floor = 0; floor < Floors; floor++)
        {
            for (var door = 1; door <= FlatsPerFloor; door++)
            {
                var rooms = RoomsOf(door);
                // Lower floors hold the step-free flats kept for seniors and young adults.
                flats.Add(new DemoFlat($"{floor}{door:00}", floor, rooms, 22m + rooms * 16.5m, floor <= 1 || door <= 4));
            }
        }

        return flats;
    }

    private static int RoomsOf(int door) => door switch
    {
        _ when door % 5 == 0 => 4,
        _ when door % 3 == 0 => 3,
        _ when door % 2 == 0 => 2,
        _ => 1,
    };

    private static List<DemoResident> BuildResidents()
    {
        var faker = new Faker("fr") { Random = new Randomizer(62000) };
        var residents = new List<DemoResident>
        {
            new("jeanne", "Jeanne", "Lefèvre", new DateOnly(1941, 3, 14), ResidentCategory.Senior, "001", "BS-0001", "03 21 55 12 34"),
            new("lucas", "Lucas", "Dubois-N'Diaye", new DateOnly(2001, 9, 2), ResidentCategory.YoungAdultWithDownSyndrome, "002", "BS-0002", "06 12 34 56 78"),
        };
        var usernames = new HashSet<string>(residents.Select(resident => resident.Username));

        foreach (var flat in Flats.Skip(2))
        {
            var index = int.Parse(flat.Number);
            var (category, occupants) = CategoryOf(flat, faker);
            var lastName = faker.Name.LastName();
            for (var person = 0; person < occupants; person++)
            {
                var firstName = faker.Name.FirstName();
                var birthDate = BirthDate(faker, category, person);
                var username = Username(firstName, lastName, usernames);
                residents.Add(new DemoResident(username, firstName, lastName, birthDate, person >= 2 ? ResidentCategory.Family : category,
                    flat.Number, $"BS-{index:0000}-{person + 1}", faker.Random.ReplaceNumbers("06 12 ## ## ##")));
            }
        }

        return residents;
    }

    /// <summary>Flats 0xx and 1xx up to door 11 go to seniors and young adults: 28 of 70, 40%.</summary>
    private static (ResidentCategory Category, int Occupants) CategoryOf(DemoFlat flat, Faker faker) => flat switch
    {
        { Floor: 0, Number: var number } when int.Parse(number) % 100 <= 11 => (ResidentCategory.Senior, faker.Random.Int(1, 2)),
        { Floor: 1, Number: var number } when int.Parse(number) % 100 <= 6 => (ResidentCategory.Senior, 1),
        { Floor: 1, Number: var number } when int.Parse(number) % 100 <= 11 => (ResidentCategory.YoungAdultWithDownSyndrome, 1),
        { Floor: 0 or 1 } => (ResidentCategory.OtherTenant, 1),
        { Rooms: >= 3 } => (ResidentCategory.Family, faker.Random.Int(3, 5)),
        _ => (faker.Random.Bool(0.5f) ? ResidentCategory.Family : ResidentCategory.OtherTenant, faker.Random.Int(1, 2)),
    };

    private static DateOnly BirthDate(Faker faker, ResidentCategory category, int person)
    {
        var age = category switch
        {
            ResidentCategory.Senior => faker.Random.Int(68, 94),
            ResidentCategory.YoungAdultWithDownSyndrome => faker.Random.Int(19, 30),
            _ when person >= 2 => faker.Random.Int(1, 17),
            _ => faker.Random.Int(24, 60),
        };
        return new DateOnly(2026 - age, faker.Random.Int(1, 12), faker.Random.Int(1, 28));
    }

    private static string Username(string firstName, string lastName, HashSet<string> usedUsernames)
    {
        var stem = $"{PersonName.Key(firstName)}.{PersonName.Key(lastName)}".Replace(' ', '-').Replace('\'', '-');
        var username = stem;
        for (var suffix = 2; !usedUsernames.Add(username); suffix++)
        {
            username = $"{stem}{suffix}";
        }

        return username;
    }
}
