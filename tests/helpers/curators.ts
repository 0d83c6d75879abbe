import type { Database } from '@/db/client'
import { setCuratorRole } from '@/db/curators'
import { personMaker } from './people'

/** A curator and a member who is not one, named `<prefix>_1` and `<prefix>_2`, and a maker of more. */
export async function curatorAndMember(db: Database, prefix: string) {
  const newPerson = personMaker(db, prefix)
  const curator = await newPerson()
  const member = await newPerson()
  if (!(await setCuratorRole(curator.username, 'curator', db))) {
    throw new Error(`Could not make ${curator.username} a curator`)
  }
  return { newPerson, curator, member }
}
