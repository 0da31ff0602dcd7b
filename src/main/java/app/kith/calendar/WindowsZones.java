package app.kith.calendar;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Windows time-zone names ("W. Europe Standard Time") and the cities of Outlook's display names
 * ("(UTC+01:00) Amsterdam, Berlin, ...") mapped to IANA zones. Our own table of the common zones,
 * after the "001" (territory-neutral) choices of CLDR's windowsZones mapping.
 */
final class WindowsZones {
  private WindowsZones() {}

  private static final Map<String, String> BY_NAME = new HashMap<>();
  private static final Map<String, String> BY_CITY = new HashMap<>();

  private static void zone(String windows, String iana, String... cities) {
    BY_NAME.put(key(windows), iana);
    for (String c : cities) {
      BY_CITY.put(key(c), iana);
    }
  }

  static {
    zone("Dateline Standard Time", "Etc/GMT+12", "International Date Line West");
    zone("UTC-11", "Etc/GMT+11", "Coordinated Universal Time-11");
    zone("Hawaiian Standard Time", "Pacific/Honolulu", "Hawaii");
    zone("Alaskan Standard Time", "America/Anchorage", "Alaska");
    zone("Pacific Standard Time (Mexico)", "America/Tijuana", "Baja California");
    zone("Pacific Standard Time", "America/Los_Angeles", "Pacific Time (US & Canada)", "Pacific Time (US and Canada)", "Pacific Time");
    zone("US Mountain Standard Time", "America/Phoenix", "Arizona");
    zone("Mountain Standard Time", "America/Denver", "Mountain Time (US & Canada)", "Mountain Time (US and Canada)", "Mountain Time");
    zone("Mountain Standard Time (Mexico)", "America/Mazatlan", "Chihuahua", "La Paz", "Mazatlan");
    zone("Central America Standard Time", "America/Guatemala", "Central America");
    zone("Central Standard Time", "America/Chicago", "Central Time (US & Canada)", "Central Time (US and Canada)", "Central Time");
    zone("Central Standard Time (Mexico)", "America/Mexico_City", "Guadalajara", "Mexico City", "Monterrey");
    zone("Canada Central Standard Time", "America/Regina", "Saskatchewan");
    zone("SA Pacific Standard Time", "America/Bogota", "Bogota", "Lima", "Quito", "Rio Branco");
    zone("Eastern Standard Time", "America/New_York", "Eastern Time (US & Canada)", "Eastern Time (US and Canada)", "Eastern Time", "Eastern");
    zone("US Eastern Standard Time", "America/Indianapolis", "Indiana (East)");
    zone("Venezuela Standard Time", "America/Caracas", "Caracas");
    zone("Atlantic Standard Time", "America/Halifax", "Atlantic Time (Canada)");
    zone("SA Western Standard Time", "America/La_Paz", "Georgetown", "San Juan");
    zone("Pacific SA Standard Time", "America/Santiago", "Santiago");
    zone("Newfoundland Standard Time", "America/St_Johns", "Newfoundland");
    zone("E. South America Standard Time", "America/Sao_Paulo", "Brasilia", "Brasília");
    zone("Argentina Standard Time", "America/Buenos_Aires", "Buenos Aires", "City of Buenos Aires");
    zone("SA Eastern Standard Time", "America/Cayenne", "Cayenne", "Fortaleza");
    zone("Greenland Standard Time", "America/Godthab", "Greenland");
    zone("Montevideo Standard Time", "America/Montevideo", "Montevideo");
    zone("UTC-02", "Etc/GMT+2", "Coordinated Universal Time-02");
    zone("Azores Standard Time", "Atlantic/Azores", "Azores");
    zone("Cape Verde Standard Time", "Atlantic/Cape_Verde", "Cabo Verde Is.", "Cape Verde Is.");
    zone("UTC", "Etc/UTC", "Coordinated Universal Time");
    zone("GMT Standard Time", "Europe/London", "Dublin", "Edinburgh", "Lisbon", "London", "Greenwich Mean Time");
    zone("Greenwich Standard Time", "Atlantic/Reykjavik", "Monrovia", "Reykjavik");
    zone("Morocco Standard Time", "Africa/Casablanca", "Casablanca");
    zone("W. Europe Standard Time", "Europe/Berlin", "Amsterdam", "Berlin", "Bern", "Rome", "Stockholm", "Vienna");
    zone("Central Europe Standard Time", "Europe/Budapest", "Belgrade", "Bratislava", "Budapest", "Ljubljana", "Prague");
    zone("Romance Standard Time", "Europe/Paris", "Brussels", "Copenhagen", "Madrid", "Paris");
    zone("Central European Standard Time", "Europe/Warsaw", "Sarajevo", "Skopje", "Warsaw", "Zagreb");
    zone("W. Central Africa Standard Time", "Africa/Lagos", "West Central Africa");
    zone("Jordan Standard Time", "Asia/Amman", "Amman");
    zone("GTB Standard Time", "Europe/Bucharest", "Athens", "Bucharest", "Istanbul");
    zone("Middle East Standard Time", "Asia/Beirut", "Beirut");
    zone("Egypt Standard Time", "Africa/Cairo", "Cairo");
    zone("E. Europe Standard Time", "Europe/Chisinau", "Chisinau", "E. Europe");
    zone("Syria Standard Time", "Asia/Damascus", "Damascus");
    zone("South Africa Standard Time", "Africa/Johannesburg", "Harare", "Pretoria");
    zone("FLE Standard Time", "Europe/Kiev", "Helsinki", "Kyiv", "Kiev", "Riga", "Sofia", "Tallinn", "Vilnius");
    zone("Turkey Standard Time", "Europe/Istanbul");
    zone("Israel Standard Time", "Asia/Jerusalem", "Jerusalem");
    zone("Kaliningrad Standard Time", "Europe/Kaliningrad", "Kaliningrad");
    zone("Arabic Standard Time", "Asia/Baghdad", "Baghdad");
    zone("Arab Standard Time", "Asia/Riyadh", "Kuwait", "Riyadh");
    zone("Russian Standard Time", "Europe/Moscow", "Moscow", "St. Petersburg");
    zone("E. Africa Standard Time", "Africa/Nairobi", "Nairobi");
    zone("Iran Standard Time", "Asia/Tehran", "Tehran");
    zone("Arabian Standard Time", "Asia/Dubai", "Abu Dhabi", "Muscat");
    zone("Azerbaijan Standard Time", "Asia/Baku", "Baku");
    zone("Georgian Standard Time", "Asia/Tbilisi", "Tbilisi");
    zone("Caucasus Standard Time", "Asia/Yerevan", "Yerevan");
    zone("Afghanistan Standard Time", "Asia/Kabul", "Kabul");
    zone("West Asia Standard Time", "Asia/Tashkent", "Ashgabat", "Tashkent");
    zone("Pakistan Standard Time", "Asia/Karachi", "Islamabad", "Karachi");
    zone("India Standard Time", "Asia/Calcutta", "Chennai", "Kolkata", "Mumbai", "New Delhi");
    zone("Sri Lanka Standard Time", "Asia/Colombo", "Sri Jayawardenepura");
    zone("Nepal Standard Time", "Asia/Katmandu", "Kathmandu");
    zone("Central Asia Standard Time", "Asia/Almaty", "Astana");
    zone("Bangladesh Standard Time", "Asia/Dhaka", "Dhaka");
    zone("Myanmar Standard Time", "Asia/Rangoon", "Yangon (Rangoon)");
    zone("SE Asia Standard Time", "Asia/Bangkok", "Bangkok", "Hanoi", "Jakarta");
    zone("North Asia Standard Time", "Asia/Krasnoyarsk", "Krasnoyarsk");
    zone("China Standard Time", "Asia/Shanghai", "Beijing", "Chongqing", "Hong Kong", "Urumqi");
    zone("Singapore Standard Time", "Asia/Singapore", "Kuala Lumpur", "Singapore");
    zone("W. Australia Standard Time", "Australia/Perth", "Perth");
    zone("Taipei Standard Time", "Asia/Taipei", "Taipei");
    zone("Tokyo Standard Time", "Asia/Tokyo", "Osaka", "Sapporo", "Tokyo");
    zone("Korea Standard Time", "Asia/Seoul", "Seoul");
    zone("Cen. Australia Standard Time", "Australia/Adelaide", "Adelaide");
    zone("AUS Central Standard Time", "Australia/Darwin", "Darwin");
    zone("E. Australia Standard Time", "Australia/Brisbane", "Brisbane");
    zone("AUS Eastern Standard Time", "Australia/Sydney", "Canberra", "Melbourne", "Sydney");
    zone("West Pacific Standard Time", "Pacific/Port_Moresby", "Guam", "Port Moresby");
    zone("Tasmania Standard Time", "Australia/Hobart", "Hobart");
    zone("Vladivostok Standard Time", "Asia/Vladivostok", "Vladivostok");
    zone("Central Pacific Standard Time", "Pacific/Guadalcanal", "Solomon Is.", "New Caledonia");
    zone("New Zealand Standard Time", "Pacific/Auckland", "Auckland", "Wellington");
    zone("Fiji Standard Time", "Pacific/Fiji", "Fiji");
    zone("Tonga Standard Time", "Pacific/Tongatapu", "Nuku'alofa");
  }

  /** The IANA zone of an exact Windows zone name ("W. Europe Standard Time"), or null. */
  static String byName(String tzid) {
    return BY_NAME.get(key(tzid));
  }

  /** The IANA zone of a Windows name or an Outlook display name, or null. */
  static String toIana(String tzid) {
    String k = key(tzid);
    String hit = BY_NAME.get(k);
    if (hit != null) {
      return hit;
    }
    String rest = tzid;
    int close = rest.indexOf(')');
    if (rest.trim().startsWith("(") && close > 0) {
      rest = rest.substring(close + 1);
    }
    String utc = rest.trim();
    hit = BY_CITY.get(key(utc));
    if (hit != null) {
      return hit;
    }
    for (String part : utc.split("[,/]")) {
      hit = BY_CITY.get(key(part));
      if (hit != null) {
        return hit;
      }
    }
    return null;
  }

  private static String key(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace("\\", "").replaceAll("\\s+", " ");
  }
}
