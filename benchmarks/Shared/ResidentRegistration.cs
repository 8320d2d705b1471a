using System.Net;

namespace BonSecours.Benchmarks.Shared;

/// <summary>Registers residents and moves them into new flats through the public API, as an administrator would.</summary>
internal static class ResidentRegistration
{
    private static readonly string[] FirstNames = ["Jeanne", "Lucas", "Marie", "Karim", "Odette", "Léa", "Yves", "Inès"];

    /// <summary>Registers resident number <paramref name="index"/>, creates flat B<paramref name="index"/> and moves the resident in. Returns the resident id.</summary>
    public static async Task<Guid> MoveInNewResidentAsync(HttpClient admin, int index)
    {
        var resident = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/residents", new
        {
            firstName = FirstNames[index % FirstNames.Length],
            lastName = $"Banc{LettersOf(index)}",
            birthDate = "1945-06-01",
            category = index % 3 == 0 ? "youngAdultWithDownSyndrome" : "senior",
        }, HttpStatusCode.Created);
        var flat = await admin.SendJsonAsync(HttpMethod.Post, "/api/v1/flats", new
        {
            number = $"B{index:000}",
            floor = index % 4,
            rooms = 2,
            stepFreeAccess = true,
        }, HttpStatusCode.Created);

        var residentId = resident.GetProperty("id").GetGuid();
        await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/residents/{residentId}/move-in", new
        {
            flatId = flat.GetProperty("id").GetGuid(),
            moveInDate = "2025-01-10",
        }, HttpStatusCode.OK);
        return residentId;
    }

    /// <summary>Spells <paramref name="index"/> in letters (0 is "a", 26 is "ba"), because names accept no digits.</summary>
    private static string LettersOf(int index)
    {
        var letters = string.Empty;
        do
        {
            letters = (char)('a' + index % 26) + letters;
            index /= 26;
        }
        while (index > 0);

        return letters;
    }
}
