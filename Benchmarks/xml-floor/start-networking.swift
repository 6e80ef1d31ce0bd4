// Process start of a Swift program that also links FoundationNetworking, as convene does for --data URL (floor.sh).
import Foundation
import FoundationNetworking
let d = Date()
if CommandLine.arguments.count > 5 { print(d, URLSession.shared) }
