import { startHttpServer, type SimRequest, type SimServer } from './http.js'
import { LB_DNS, LOAD_BALANCER, TARGET_GROUP } from './ecs-world.js'

/** The load balancer in front of the ECS service, for deployment_url. */
export async function startElbSimulator(): Promise<SimServer> {
  return startHttpServer(request => elbAnswer(request))
}

/** ELBv2 speaks the Query protocol: Action=... form fields in, XML out. */
function elbAnswer(request: SimRequest): {
  status: number
  headers: Record<string, string>
  body: string
} {
  const form = new URLSearchParams(request.body)
  const action = form.get('Action')
  const xml = (inner: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">` +
    `<${action}Result>${inner}</${action}Result><ResponseMetadata><RequestId>sim-1</RequestId></ResponseMetadata></${action}Response>`
  const headers = { 'content-type': 'text/xml' }
  if (action === 'DescribeTargetGroups' && form.get('TargetGroupArns.member.1') === TARGET_GROUP) {
    return {
      status: 200,
      headers,
      body: xml(
        `<TargetGroups><member><TargetGroupArn>${TARGET_GROUP}</TargetGroupArn><TargetGroupName>api-blue</TargetGroupName>` +
          `<LoadBalancerArns><member>${LOAD_BALANCER}</member></LoadBalancerArns></member></TargetGroups>`
      )
    }
  }
  if (
    action === 'DescribeLoadBalancers' &&
    form.get('LoadBalancerArns.member.1') === LOAD_BALANCER
  ) {
    return {
      status: 200,
      headers,
      body: xml(
        `<LoadBalancers><member><LoadBalancerArn>${LOAD_BALANCER}</LoadBalancerArn><DNSName>${LB_DNS}</DNSName>` +
          `<LoadBalancerName>shop</LoadBalancerName><Scheme>internet-facing</Scheme></member></LoadBalancers>`
      )
    }
  }
  const code = action?.startsWith('Describe') ? 'TargetGroupNotFound' : 'InvalidAction'
  return {
    status: 400,
    headers,
    body:
      `<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type>` +
      `<Code>${code}</Code><Message>${action ?? 'no action'} not found in the simulator</Message></Error>` +
      `<RequestId>sim-err</RequestId></ErrorResponse>`
  }
}
